// The corpus-level merge (the `build` step): any number of document facts in, one
// knowledge graph out — deterministic and independent of the order and sharding of its
// input.
//
// Entities merge on their id. Events merge on the key documented in docs/merging.md:
// the same set of resolved participants and the same modality, compatible types (equal,
// or one refines the other), compatible dates (overlapping intervals) and compatible places
// (equal, or one inside the other). The merged event takes the most specific type, the most
// precise date, the innermost place, and the union of sources and evidence; its id is
// derived from that content.
//
//   GraphBuilder builder(rules);
//   for (auto& facts : all) builder.Add(facts);
//   KnowledgeGraph kg = builder.Build();
#ifndef NEWSGRAPH_BUILD_H_
#define NEWSGRAPH_BUILD_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/event_compat.h"
#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// A processed input document, as the JSON-LD cites it (schema:NewsArticle).
struct SourceDocument {
  std::string id;
  std::string url;    // "" when the input gave none
  std::string title;  // ""
  std::string date;   // the publication date used (YYYY-MM-DD), "" if none
  std::string lang;
};

struct KnowledgeGraph {
  std::vector<Entity> entities;         // sorted by id
  std::vector<Event> events;            // sorted by id; ids "event:<type>-<12 hex digits>"
  size_t documents = 0;                 // documents with status ok
  size_t skipped = 0;                   // skip records seen
  std::vector<SourceDocument> sources;  // the documents with status ok, sorted by id
  // (document id, its event id "e1") -> the id of the graph event it merged into.
  std::map<std::pair<std::string, std::string>, std::string> merged_into;

  // Returns the entity with this id, or nullptr.
  const Entity* FindEntity(const std::string& id) const;
  // Returns the name of the entity with this id, or the id if there is none.
  std::string NameOf(const std::string& id) const;
  // Returns the source document with this id, or nullptr.
  const SourceDocument* FindSource(const std::string& id) const;
};

// Returns a human label for an event: "meet: Sergey Lavrov, Richard Haass @ New York (2023-04)".
std::string EventLabel(const KnowledgeGraph& kg, const Event& ev);

class GraphBuilder {
 public:
  explicit GraphBuilder(const RuleSet& rules);

  // Adds one document's facts. Returns false (and ignores it) if facts for this document
  // id were added before.
  bool Add(const DocumentFacts& facts);

  // Returns the merged graph of everything added so far.
  KnowledgeGraph Build() const;

 private:
  // Returns one entity from the records of documents that named it.
  Entity MergeEntity(const std::string& id, const std::vector<Entity>& records) const;
  // Returns the events in groups of reports of one event (the merge key above), in a
  // canonical order.
  std::vector<std::vector<Event>> GroupEvents() const;
  // Returns one event from the reports of a group.
  Event MergeReports(const std::vector<Event>& reports) const;
  // Returns the entity record of an id that only events or titles name.
  Entity NamedEntity(const std::string& id) const;
  // Adds a node for every id an event or title names that is not an entity yet.
  void AddNamedEntities(KnowledgeGraph* kg) const;

  const RuleSet& rules_;
  std::set<std::string> docs_;
  std::map<std::string, SourceDocument> sources_;
  size_t skipped_ = 0;
  std::map<std::string, std::vector<Entity>> entities_;  // id -> one record per document
  std::vector<Event> events_;
};

// Returns the content-derived id of a merged event.
std::string EventId(const Event& ev);

}  // namespace newsgraph

#endif  // NEWSGRAPH_BUILD_H_
