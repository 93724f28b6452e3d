// JSON-LD with the inline context of schemas/context.jsonld: schema.org Person,
// Organization, Country, Place, NewsMediaOrganization and Event (startDate typed as what
// it is: xsd:date, xsd:gYearMonth or xsd:gYear; location; attendee only for people and
// organisations, every participant as sem:hasActor), newsgraph's own terms under
// urn:newsgraph:vocab:, and provenance with prov:wasDerivedFrom: an evidence names its
// document, a schema:NewsArticle with its url, headline and datePublished when known;
// sameAs for entities with a verified Wikidata id.
//
//   WriteJsonLd(kg, rules, &out);
#ifndef NEWSGRAPH_JSONLD_H_
#define NEWSGRAPH_JSONLD_H_

#include <ostream>

#include "graph/build.h"
#include "graph/graph.h"
#include "rules/rules.h"

namespace newsgraph {

void WriteJsonLd(const KnowledgeGraph& kg, const RuleSet& rules, std::ostream* out);

// Writes the actor projection (graph/actors.h; --projection actors) as JSON-LD with the same
// context: its actors as above, and each tie as an ng:ActorTie node ("tie:" + EdgeId) with
// tieOf (the two actors), eventType, weight (shared events), sharedEvent (their ids, the
// event nodes of the full graph), eventDate (TIMEX values) and eventPlace (place ids).
void WriteJsonLdActors(const KnowledgeGraph& kg, const Graph& actors, std::ostream* out);

// Returns the IRI-safe form of a document id ("doc:" + percent-encoded id).
std::string DocumentIri(const std::string& id);

}  // namespace newsgraph

#endif  // NEWSGRAPH_JSONLD_H_
