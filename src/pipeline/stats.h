// Counters of a run (RunStats, StageCounts): public, in include/pith/run.h.
#pragma once
#include "pith/run.h"
