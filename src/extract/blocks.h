// Every block of a page in document order, kept or dropped, with the rule and the reason in
// words (Options::blocks, Extraction::blocks): what `pith inspect` shows. Recorded only when
// asked, after the final selection; extraction without it does none of this work.
#pragma once
#include "extract/block_model.h"
#include "extract/content.h"
#include "html/dom.h"
#include "pith/extract.h"

namespace pith {

// Appends the blocks of sel.body's subtree to out.blocks. The kept blocks' text is rendered as
// the text output renders it (render.h), so their text is the output's, block by block.
void record_blocks(const Document& doc, const ContentSelection& sel, const Options& options, Extraction& out);

// The same blocks for the block classifier (block_model.h), each with its BlockFacts, dropped
// blocks' text whole (the classifier may keep them).
void collect_blocks(const Document& doc, const ContentSelection& sel, const Options& options,
                    std::vector<Block>& blocks, std::vector<BlockFacts>& facts);

// Why a rule drops a block, in words (the table in blocks.cpp), without the numbers of one
// block; empty for a rule it does not know.
std::string_view rule_description(std::string_view rule);

}  // namespace pith
