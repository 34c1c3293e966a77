// pith: the command-line tool. main only dispatches subcommands; each lives in its own file.
#include <CLI/CLI.hpp>
#include <csignal>
#include <exception>

#include "commands.h"
#include "common.h"
#include "io/writer.h"

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is reported as EPIPE and ends the run quietly
  pith::install_temp_file_cleanup();  // SIGINT/SIGTERM remove temporary output files (io/writer.h)
  CLI::App app{"pith: the main text and metadata of web pages, with every drop explained"};
  app.set_version_flag("--version", "pith 0.1.0");
  app.require_subcommand(1);
  struct Command {
    CLI::App* sub;
    pith::cli::Runner run;
  };
  std::vector<std::pair<const char*, pith::cli::Runner (*)(CLI::App&)>> table = {
      {"extract", pith::cli::add_extract_command},
      {"clean", pith::cli::add_clean_command},
      {"wet", pith::cli::add_wet_command},
      {"run", pith::cli::add_run_command},
  };
  std::vector<pith::cli::Runner> runners;
  for (auto& [name, add] : table) runners.push_back(add(app));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : pith::cli::kExitFailed;
  }
  try {
    for (size_t i = 0; i < table.size(); ++i)
      if (app.got_subcommand(table[i].first)) return runners[i]();
  } catch (const std::exception& e) {
    pith::cli::report(e.what());
    return pith::cli::kExitFailed;
  }
  return pith::cli::kExitFailed;
}
