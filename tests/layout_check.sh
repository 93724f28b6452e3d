#!/usr/bin/env bash
# The layout of src/ (docs/design.md, "Map"): dependencies point one way,
#
#   base -> rules -> extract -> graph,   extract -> authoring,   everything -> cli
#
# so a folder may include only headers of itself and the folders below it, and no file
# grows past the size a reader takes in at once. Exit 0 ok, 1 with every violation listed.
#
#   tests/layout_check.sh [SRC_DIR]
set -uo pipefail
src="${1:-$(cd "$(dirname "$0")/../src" && pwd)}"
max_lines=650
declare -A allowed=(
  [base]="base"
  [rules]="base rules"
  [extract]="base rules extract"
  [graph]="base rules extract graph"
  [authoring]="base rules extract authoring"
  [cli]="base rules extract graph authoring cli"
)
status=0
for dir in "$src"/*/; do
  folder="$(basename "$dir")"
  if [ -z "${allowed[$folder]+x}" ]; then
    echo "src/$folder: a folder the layout does not know (add it to tests/layout_check.sh and docs/design.md)"
    status=1
    continue
  fi
  while IFS= read -r file; do
    rel="src/${file#"$src"/}"
    # Project headers are included as "folder/name.h".
    while IFS=: read -r line inc; do
      target="${inc%%/*}"
      case " ${allowed[$folder]} " in
        *" $target "*) ;;
        *) echo "$rel:$line: includes \"$inc\": $folder/ may include only ${allowed[$folder]}"
           status=1 ;;
      esac
    done < <(grep -n -o '^#include "[a-z_]*/[a-z_0-9]*\.h"' "$file" | sed 's/#include "\(.*\)"/\1/')
    lines=$(wc -l < "$file")
    if [ "$lines" -gt "$max_lines" ]; then
      echo "$rel: $lines lines (at most $max_lines: split it by phase or concern)"
      status=1
    fi
  done < <(find "$dir" -name '*.h' -o -name '*.cc' | sort)
done
[ "$status" -eq 0 ] && echo "layout ok: $(find "$src" -name '*.h' -o -name '*.cc' | wc -l) files"
exit "$status"
