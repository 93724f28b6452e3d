// The version of this build, for `newsgraph --version`:
//
//   newsgraph 0.1.0 (commit 47ae634c1d2e)
//
// The definitions are generated into the build tree by tools/version.cmake at every build
// (rewritten only when they change, so a new commit relinks the binary and rebuilds
// nothing else).
#ifndef NEWSGRAPH_VERSION_H_
#define NEWSGRAPH_VERSION_H_

namespace newsgraph {

// Returns the project version, CMake's project(VERSION): "0.1.0".
const char* Version();

// Returns the git commit the binary was built from: 12 hex digits, with "-dirty" when
// tracked files had uncommitted changes; the -DNEWSGRAPH_COMMIT given to CMake; or
// "unknown" outside a git checkout.
const char* BuildCommit();

}  // namespace newsgraph

#endif  // NEWSGRAPH_VERSION_H_
