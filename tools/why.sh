#!/usr/bin/env bash
# Shows what pith kept and dropped on one page: tools/why.sh PAGE_FILE [N]
f=$1; n=${2:-15}
"${PITH:-$(dirname "$0")/../build/pith}" extract "$f" --format json --explain | /usr/bin/python3 -c "
import json,sys
r=json.load(sys.stdin)
print('TITLE:', r['title'], '| TYPE:', r['page_type'], '| MAIN:', r.get('main_element'))
print('TEXT:', repr(r['text'][:400]), '...', repr(r['text'][-200:]))
print(r.get('trace',''))
for d in sorted(r.get('dropped',[]),key=lambda d:-d['chars'])[:$n]: print(' ', d['rule'],d['element'][:60],d['chars'],d['preview'][:60])
"
