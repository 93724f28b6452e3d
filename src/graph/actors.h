// The actor network (issue 11, DESIGN §4): for Gephi users who want people as nodes and
// shared events as edges. A projection of the graph, not a second model: the same entity
// nodes, and edges computed from the events.
//
//   Graph actors = ProjectActors(kg);                      // --projection actors
//   Graph lean = DropLowDegree(actors, 1);                 // --drop-isolated
//
// Nodes: every person, organisation and country. Edges: one per pair of co-participants
// (resolved participants of one event, any role) per event type, undirected (source id <
// target id), typed by the event type in upper case ("MEET"), listing the shared events;
// weight = their number. Events of every modality count (a planned meeting ties two actors
// too); the writers show each event's id, date and place.
#ifndef NEWSGRAPH_ACTORS_H_
#define NEWSGRAPH_ACTORS_H_

#include "graph/build.h"
#include "graph/graph.h"

namespace newsgraph {

// Returns true for the kinds the actor network keeps: person, organisation, country.
bool IsActorKind(MentionKind kind);

// Returns the actor projection of kg: entities of IsActorKind by id, edges sorted by
// (source id, type, target id).
Graph ProjectActors(const KnowledgeGraph& kg);

// What the writers show of an actor edge: the ids of the shared events, their distinct
// dates (TIMEX values), place names and place ids, sorted.
struct SharedEvents {
  std::vector<std::string> ids, dates, places, place_ids;
};

// Returns the shared events of an actor edge.
SharedEvents SummarizeEvents(const KnowledgeGraph& kg, const EdgeProps& edge);

// Returns g without the vertices of fewer than min_degree edges (in + out) and their edges,
// in the same order; the degree is counted once, in g.
Graph DropLowDegree(const Graph& g, int min_degree);

}  // namespace newsgraph

#endif  // NEWSGRAPH_ACTORS_H_
