// The command line: options, help, exit codes, and run/extract/build on files.
#include "cli/cli.h"

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "cli/args.h"
#include "cli/version.h"
#include "test_util.h"

namespace newsgraph {

namespace {

using Result = testing::CliResult;

Result Run(const std::vector<std::string>& args, const std::string& in = "") {
  return testing::RunCliCaptured(args, in);
}

}  // namespace

TEST_CASE("ParseArgs", "[cli]") {
  const std::vector<OptionSpec> specs = {{"output", 'o', true}, {"quiet", 'q', false}};
  ParsedArgs a;
  std::string error;
  REQUIRE(ParseArgs({"-o", "x", "in1", "--output=y", "-q", "--", "-in2"}, specs, &a, &error));
  CHECK(a.Get("output") == "y");
  CHECK(a.All("output").size() == 2);
  CHECK(a.Has("quiet"));
  CHECK(a.positional == std::vector<std::string>{"in1", "-in2"});
  ParsedArgs b;
  CHECK_FALSE(ParseArgs({"--nope"}, specs, &b, &error));
  CHECK(error == "unknown option '--nope'");
  CHECK_FALSE(ParseArgs({"--output"}, specs, &b, &error));
  CHECK(error == "option '--output' needs a value");
  CHECK_FALSE(ParseArgs({"--quiet=1"}, specs, &b, &error));
  CHECK(error == "option '--quiet' takes no value");
}

TEST_CASE("Help, version and usage errors", "[cli]") {
  CHECK(Run({"--help"}).code == kExitOk);
  // Issue 15: the version of CMake's project() and the commit, generated at build time.
  CHECK(std::string(Version()) == NEWSGRAPH_PROJECT_VERSION);
  CHECK(std::regex_match(BuildCommit(), std::regex("[0-9a-f]{12}(-dirty)?|unknown")));
  CHECK(Run({"--version"}).out ==
        "newsgraph " NEWSGRAPH_PROJECT_VERSION " (commit " + std::string(BuildCommit()) + ")\n");
  for (const char* cmd : {"run", "extract", "build", "explain"}) {
    const Result r = Run({cmd, "--help"});
    CHECK(r.code == kExitOk);
    CHECK(r.out.find("Usage: newsgraph") == 0);
  }
  CHECK(Run({}).code == kExitUsage);
  CHECK(Run({"frobnicate"}).code == kExitUsage);
  const Result r = Run({"run", "--bogus", "x"});
  CHECK(r.code == kExitUsage);
  CHECK(r.err == "newsgraph run: unknown option '--bogus'\n(see newsgraph run --help)\n");
  CHECK(Run({"run"}).code == kExitUsage);
  CHECK(Run({"run", "--dct", "21/10/2025", "x"}).err ==
        "newsgraph: --dct '21/10/2025' is not a date (YYYY-MM-DD)\n");
}

TEST_CASE("run writes every output and accounts for every document", "[cli]") {
  testing::TempDir dir;
  const std::string in = dir.Write(
      "in.jsonl",
      "{\"id\": \"a\", \"lang\": \"id\", \"text\": \"Rusia mencaplok Krimea pada tahun 2014.\"}\n"
      "not json\n"
      "{\"id\": \"f\", \"lang\": \"fr\", \"text\": \"Bonjour.\"}\n");
  const std::string out = (dir.path() / "out").string();
  Result r = Run({"run", in, "-o", out, "--quiet"});
  CHECK(r.code == kExitOk);
  for (const char* f : {"facts.jsonl", "graph.graphml", "graph.jsonld", "report.json"}) {
    CHECK(std::filesystem::exists(std::filesystem::path(out) / f));
  }
  const std::string facts = testing::ReadFile(out + "/facts.jsonl");
  CHECK(std::count(facts.begin(), facts.end(), '\n') == 3);
  CHECK(facts.find("\"reason\":\"language 'fr' has no rules\"") != std::string::npos);
  CHECK(facts.find("\"origin\":\"" + in + ":2\"") != std::string::npos);
  const std::string report = testing::ReadFile(out + "/report.json");
  CHECK(report.find("\"skipped\": 2") != std::string::npos);
  // Issue 13: --strict makes a skip an input error (exit 2) and writes nothing, not even
  // over the outputs of the run before.
  const std::string strict_out = (dir.path() / "strict").string();
  const Result strict = Run({"run", in, "-o", strict_out, "--quiet", "--strict"});
  CHECK(strict.code == kExitUsage);
  CHECK(strict.err.find("newsgraph: --strict: 2 input(s) skipped; nothing written\n") !=
        std::string::npos);
  CHECK(std::filesystem::is_empty(strict_out));
  CHECK(Run({"run", in, "-o", out, "--quiet", "--strict"}).code == kExitUsage);
  CHECK(testing::ReadFile(out + "/report.json") == report);

  // extract + build give the same graph as run.
  const std::string facts_path = (dir.path() / "f.jsonl").string();
  CHECK(Run({"extract", in, "-o", facts_path, "--quiet"}).code == kExitOk);
  const std::string out2 = (dir.path() / "out2").string();
  CHECK(Run({"build", facts_path, "-o", out2, "--quiet"}).code == kExitOk);
  CHECK(testing::ReadFile(out + "/graph.graphml") == testing::ReadFile(out2 + "/graph.graphml"));
  CHECK(testing::ReadFile(out + "/graph.jsonld") == testing::ReadFile(out2 + "/graph.jsonld"));
}

TEST_CASE("The output options choose the files; bad values are usage errors (issue 11)", "[cli]") {
  testing::TempDir dir;
  const std::string in = dir.Write(
      "in.jsonl",
      "{\"id\": \"a\", \"lang\": \"id\", \"text\": \"Rusia mencaplok Krimea pada tahun 2014.\"}\n");
  const std::string out = (dir.path() / "out").string();
  CHECK(Run({"run", in, "-o", out, "--quiet", "--format", "gexf,neo4j"}).code == kExitOk);
  namespace fs = std::filesystem;
  CHECK(fs::exists(fs::path(out) / "graph.gexf"));
  CHECK(fs::exists(fs::path(out) / "neo4j" / "import.cypher"));
  CHECK_FALSE(fs::exists(fs::path(out) / "graph.graphml"));
  CHECK(fs::exists(fs::path(out) / "report.json"));
  const std::string actors = (dir.path() / "actors").string();
  CHECK(Run({"run", in, "-o", actors, "--quiet", "--projection", "actors"}).code == kExitOk);
  CHECK(fs::exists(fs::path(actors) / "actors.graphml"));
  // Every format follows the projection (the JSON-LD too).
  CHECK(fs::exists(fs::path(actors) / "actors.jsonld"));
  CHECK_FALSE(fs::exists(fs::path(actors) / "graph.jsonld"));
  CHECK_FALSE(fs::exists(fs::path(actors) / "graph.graphml"));
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  for (const Case& c : std::vector<Case>{
           {{"--format", "graphml,pdf"},
            "newsgraph: --format 'graphml,pdf': unknown format 'pdf' (known: graphml, jsonld, "
            "gexf, neo4j, dot, svg, html)\n"},
           {{"--graphml-flavor", "yed"},
            "newsgraph: --graphml-flavor 'yed' is not one of: "
            "standard, apoc\n"},
           {{"--gexf-undated", "hide"},
            "newsgraph: --gexf-undated 'hide' is not one of: keep, "
            "drop\n"},
           {{"--projection", "people"},
            "newsgraph: --projection 'people' is not one of: full, "
            "actors\n"},
           {{"--min-degree", "-1"},
            "newsgraph: --min-degree '-1' is not a number from 0 to "
            "1000000\n"},
       }) {
    std::vector<std::string> args = {"build", "f.jsonl"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const Result r = Run(args);
    CHECK(r.code == kExitUsage);
    CHECK(r.err == c.err);
  }
}

TEST_CASE("build rejects a broken facts file with its line", "[cli]") {
  testing::TempDir dir;
  const std::string f = dir.Write("f.jsonl", "{\"doc\": \"a\", \"status\": \"ok\"}\n{oops\n");
  const Result r = Run({"build", f, "-o", (dir.path() / "o").string()});
  CHECK(r.code == kExitUsage);
  CHECK(r.err.find(f + ":2: error: column 2: invalid JSON") != std::string::npos);
}

TEST_CASE("Rule errors stop the run with exit 2", "[cli]") {
  testing::TempDir dir;
  dir.Write("rules/bad.json", "{\"events\": 3}");
  const Result r = Run({"run", "--rules", (dir.path() / "rules").string(), "x.txt"});
  CHECK(r.code == kExitUsage);
  CHECK(r.err.find("bad.json:1:12: error: expected \"array\", found an integer") !=
        std::string::npos);
}

}  // namespace newsgraph
