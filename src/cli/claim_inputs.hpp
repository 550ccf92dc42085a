// Inputs as claims, for the subcommands that take articles or `timeline extract` output alike
// (compare; build can use it too). Each input is either claims JSON (.json or .jsonl whose
// records have a "claims" array), read as it is, or an article (.txt .html .jsonl .tml, "-") that
// goes through loader -> Tagger -> Extractor on opt.jobs threads. Documents come out in input
// order.
#pragma once

#include <iosfwd>
#include <vector>

#include <timeline/claim.hpp>
#include <timeline/data.hpp>
#include <timeline/document.hpp>

#include "cli/cli.hpp"

namespace timeline::cli {

struct ClaimInputs {
  std::vector<DocumentClaims> documents;
  int failures = 0;     // documents (or files) that could not be read; reported on `err`
  bool fatal = false;   // the rules could not be loaded: nothing was read
};

// Reads every input of `opt`. `domain` names the domain pack for articles ("censorship").
ClaimInputs read_claim_inputs(const Options& opt, const DataFiles& data, const LoadOptions& load,
                              const std::string& domain, std::ostream& err);

}  // namespace timeline::cli
