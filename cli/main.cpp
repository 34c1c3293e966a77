// pith: the command-line tool. main only dispatches subcommands; each lives in its own file.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <exception>

#include "commands.h"
#include "common.h"
#include "io/writer.h"

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe is reported as EPIPE and ends the run quietly
  pith::install_temp_file_cleanup();  // SIGINT/SIGTERM remove temporary output files (io/writer.h)
  pith::install_crash_report();       // a crash names its input and prints a backtrace (io/writer.h)
  CLI::App app{"pith: the main text and metadata of web pages, with every drop explained"};
  app.name("pith");  // usage lines say "pith run", whatever path the binary was started by
  app.set_version_flag("-V,--version", "pith " PITH_VERSION);
  // Every option's default in --help (subcommands copy these defaults when they are added).
  app.option_defaults()->always_capture_default();
  app.get_formatter()->column_width(40);  // "--max-line-bytes UINT=1048576" fits beside its text
  app.require_subcommand(1);
  std::vector<std::pair<const char*, pith::cli::Runner (*)(CLI::App&)>> table = {
      {"extract", pith::cli::add_extract_command},
      {"clean", pith::cli::add_clean_command},
      {"wet", pith::cli::add_wet_command},
      {"run", pith::cli::add_run_command},
      {"dedup", pith::cli::add_dedup_command},
      {"inspect", pith::cli::add_inspect_command},
      {"serve", pith::cli::add_serve_command},
  };
  std::vector<pith::cli::Runner> runners;
  for (auto& [name, add] : table) {
    runners.push_back(add(app));
    CLI::App* sub = app.get_subcommand(name);
    pith::cli::add_common_options(*sub);
    // A list that starts empty (the inputs) has no default worth showing ("=[]").
    for (CLI::Option* opt : sub->get_options())
      if (opt->get_default_str() == "[]") opt->default_str("");
  }
  // `pith help` and `pith help run`, as git and cargo have them: the same text as --help.
  std::string help_topic;
  CLI::App* help = app.add_subcommand("help", "Show this help, or a command's (pith help run = pith run --help)");
  help->add_option("command", help_topic, "The command to explain");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : pith::cli::kExitFailed;
  }
  pith::cli::apply_common_options();
  if (app.got_subcommand(help)) {
    if (help_topic.empty()) {
      // app.help() would explain the selected subcommand, `help` itself.
      std::fputs(app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal).c_str(), stdout);
      return pith::cli::kExitOk;
    }
    for (auto& [name, add] : table)
      if (help_topic == name) {
        std::fputs(app.get_subcommand(name)->help(app.get_name()).c_str(), stdout);
        return pith::cli::kExitOk;
      }
    pith::cli::report("no command \"" + help_topic + "\" (pith help lists them)");
    return pith::cli::kExitFailed;
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
