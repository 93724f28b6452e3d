// Entity resolution, the first half of resolving a document (docs/merging.md, "Entities"):
// every entity mention gets the id of the real-world thing it names, and the document's
// entities are collected from them.
//
//   ids          the gazetteer id, else <kind prefix>:<slug of the name>;
//   short names  a one-word name joins the document's unique full name that has it as
//                first or last word ("Lavrov"); a name in brackets takes the person before
//                it ("Joko Widodo (Jokowi)");
//   references   "wilayah tersebut" takes the nearest earlier mention of its kind, with its
//                coordination group;
//   role refs    a lone title ("direktur", "the U.S. leader") names the people introduced
//                earlier with a title of that office (RoleReferences, used by event_merge);
//   metonymy     a place that acts stands for its actor ("Kremlin" -> gpe:russia; ActorOf).
//
//   ResolveEntities(rules, options, text, &facts);  // fills mention entity ids, facts.entities
//   const RoleReferences roles(rules, text, facts.mentions,
//   rules.Language(rules.Lang(facts.lang))); std::vector<std::string> people =
//   roles.Resolve(facts.mentions[title]);
#ifndef NEWSGRAPH_EXTRACT_ENTITIES_H_
#define NEWSGRAPH_EXTRACT_ENTITIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/model.h"
#include "rules/rules.h"

namespace newsgraph {

// How resolution treats places that act, and how far references and reports may reach.
struct ResolveOptions {
  // Places that act ("Kremlin mengatakan") stand for the actor of their gazetteer
  // metonym_of ("gpe:russia"), in every role but "object".
  bool metonymy = true;
  // Sentences between a reference and the earliest antecedent it may take.
  int antecedent_window = 2;
  // Sentences an event back-reference ("pertemuan tersebut") may look back.
  int anaphor_window = 4;
  // Sentences apart that two reports of an event may be when one's participants are a
  // proper subset of the other's (equal participant sets merge at any distance).
  int subset_window = 3;
  // Sentences back a pronoun ("ia", "he", "keduanya") may look for its antecedent; only
  // in its own or the previous paragraph.
  int pronoun_window = 2;
};

// Gives every entity mention of facts->mentions its entity id and its references their
// antecedents, then appends the document's entities to facts->entities, in the order of
// their first mention.
void ResolveEntities(const RuleSet& rules, const ResolveOptions& options, std::string_view text,
                     DocumentFacts* facts);

// Returns the actor that entity id stands for when it acts: the gazetteer's metonym_of of a
// place ("place:kremlin" -> "gpe:russia") if options.metonymy is on, else id itself.
std::string ActorOf(const RuleSet& rules, const ResolveOptions& options, const std::string& id);

// Resolves lone titles to the people who hold them. A title is reduced to a key: its words
// without the country or organisation it names, without TITLE_NOISE words ("mantan",
// "former"), with TITLE_ABBREV expanded ("menlu" -> "menteri luar negeri") and a number from
// QUANTITY ("kedua" 2, "both" 2, "para" two or more). A reference names the holders, introduced
// before it, of a title with the same key, a key that begins with its words ("direktur" ->
// "direktur cia"), or one of the offices TITLE_GENERIC lists for it ("leader" -> president,
// prime minister, ...); a country or organisation in the reference must match. It resolves
// only when the number of people fits (one, unless a number is given).
class RoleReferences {
 public:
  // Collects the titles held by the people of mentions (whose entities are resolved).
  // language: the document's (its plural endings); nullptr: none stripped.
  RoleReferences(const RuleSet& rules, std::string_view text, const std::vector<Mention>& mentions,
                 const LanguageInfo* language);

  // Returns the entity ids the title mention refers to, or none if not unambiguous.
  std::vector<std::string> Resolve(const Mention& title) const;

  // Returns true if the title is indefinite ("seorang pejabat", "an official"): somebody
  // not named, who is not any of the people named elsewhere.
  bool Indefinite(const Mention& title) const { return Key(title).count < 0; }

  // Returns the person who held the office a lone title names ("Presiden", "Menlu AS",
  // "the U.S. Secretary of State") on date, by the office-holder table (OFFICE_TITLE, the
  // title's country or OFFICE_DEFAULT_COUNTRY for the language): "" for a plural, former or
  // indefinite title, an office the table lacks, or a date nobody held it. A head of
  // government of a presidential system is its head of state.
  std::string OfficeHolder(const Mention& title, const CivilDate& date) const;

  // Returns the country or organisation an unnamed office holder acts for ("pejabat
  // intelijen Ukraina" -> gpe:ukraine, "Dubes Pakistan" -> gpe:pakistan), or "" when the
  // title names none or its holder is a former one (FORMER: "mantan", "former").
  std::string Represented(const Mention& title) const;

 private:
  struct TitleKey {
    std::string phrase;  // "menteri luar negeri"
    std::string of;      // entity id of its country / organisation
    int count = 1;       // 1 singular, n exactly n, 0 any number
  };
  struct Holder {
    TitleKey key;
    std::string person;
    uint32_t first;  // where the holder's titled mention starts
  };
  TitleKey Key(const Mention& title) const;
  // Returns the country a title names, or that a title coordinated with it names.
  std::string TitleCountry(const Mention& title) const;
  bool Names(const TitleKey& ref, const TitleKey& held) const;

  const RuleSet& rules_;
  std::string_view text_;
  const std::vector<Mention>& mentions_;
  const LanguageInfo* language_;
  std::vector<Holder> holders_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_ENTITIES_H_
