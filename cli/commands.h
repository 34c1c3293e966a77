// Every subcommand registers itself on the CLI11 app and returns the function that runs it.
#pragma once
#include <functional>

namespace CLI {
class App;
}

namespace pith::cli {

using Runner = std::function<int()>;
Runner add_extract_command(CLI::App& app);
Runner add_clean_command(CLI::App& app);
Runner add_wet_command(CLI::App& app);
Runner add_run_command(CLI::App& app);
Runner add_dedup_command(CLI::App& app);
Runner add_inspect_command(CLI::App& app);
Runner add_serve_command(CLI::App& app);

}  // namespace pith::cli
