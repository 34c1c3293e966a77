// pith: the main text and metadata of web pages. The umbrella header: extraction
// (pith/extract.h), cleaning of extracted text (pith/clean.h), the input layer that reads
// HTML, text, JSONL and WARC/WET files (pith/input.h), corpus runs (pith/run.h), and errors
// as values (pith/result.h).
#pragma once
#include "pith/clean.h"
#include "pith/export.h"
#include "pith/extract.h"
#include "pith/input.h"
#include "pith/result.h"
#include "pith/run.h"
