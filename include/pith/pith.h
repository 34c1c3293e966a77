// pith: the main text and metadata of web pages. The umbrella header.
#pragma once
#include "pith/clean.h"
#include "pith/extract.h"
#include "pith/result.h"
