#!/bin/sh
# Lays out the small rules repository of the CI tests (check_rules_ci.sh, ci_recipes.sh)
# in DIR, as docs/rule-authors.md lays one out:
#
#   rules/events/handshake.json       a rule file that extends the built-in rules: a
#                                     handshake is a meeting (type meet, built-in)
#   rules/events/handshake.test.txt   its test file beside it
#   examples/handshake.txt + .gold.jsonl   gold for the repository's rule
#   examples/meeting.txt + .gold.jsonl     gold for a built-in rule (meet.id.verb)
#   examples/MIN_F1                   1: every gold event must be found
#
#   tests/check_rules/make_repo.sh DIR
set -eu
repo=$1
mkdir -p "$repo/rules/events" "$repo/examples"
cat > "$repo/rules/events/handshake.json" << 'JSON'
{
  "description": "Handshakes, which the built-in rules do not read: a handshake is a meeting in person (type meet, declared by the built-in rules).",
  "events": [
    {
      "id": "handshake.en.verb",
      "type": "meet",
      "lang": "en",
      "description": "A shook hands with B.",
      "pattern": "(?P<a>{PER})\\s+shook\\s+hands\\s+with\\s+(?P<b>{PER})",
      "roles": {
        "a": "participant",
        "b": "participant"
      }
    }
  ]
}
JSON
cat > "$repo/rules/events/handshake.test.txt" << 'TEST'
# Tests of rules/events/handshake.json.
# lang: en
# ruleid: handshake.en.verb
# expect: type=meet; participants=person:anthony-albanese,person:joko-widodo; place=place:jakarta
Prime Minister Anthony Albanese shook hands with President Joko Widodo in Jakarta.
# ok: handshake.en.verb
Anthony Albanese said he would not shake hands with anyone.
TEST
cat > "$repo/examples/handshake.txt" << 'TEXT'
Prime Minister Anthony Albanese shook hands with President Joko Widodo in Jakarta on 6 June 2022.
TEXT
cat > "$repo/examples/handshake.gold.jsonl" << 'GOLD'
{"doc": "handshake", "kind": "event", "type": "meet", "participants": ["person:anthony-albanese", "person:joko-widodo"], "date": "2022-06-06", "place": "place:jakarta"}
GOLD
cat > "$repo/examples/meeting.txt" << 'TEXT'
Menlu Rusia Sergey Lavrov bertemu dengan Menlu AS Antony Blinken di New York pada 12 April 2023.
TEXT
cat > "$repo/examples/meeting.gold.jsonl" << 'GOLD'
{"doc": "meeting", "kind": "event", "type": "meet", "participants": ["person:sergey-lavrov", "person:antony-blinken"], "date": "2023-04-12", "place": "place:new-york"}
GOLD
echo 1 > "$repo/examples/MIN_F1"
