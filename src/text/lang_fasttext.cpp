// The optional fastText language model (FastTextLanguageModel in lang.h).
#include <fasttext/fasttext.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <stdexcept>
#include <sstream>

#include "text/lang.h"

namespace pith {

namespace {

// fastText's loadModel(path) reads past the end of a file that was cut short without noticing
// (and then predicts from zeros); this loads through the same code but checks the stream.
class CheckedFastText : public fasttext::FastText {
 public:
  // "" when loaded, else why not.
  std::string load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::strerror(errno);
    if (!checkModel(in)) return "not a fastText model file";
    loadModel(in);  // throws on some damage (std::bad_alloc, std::invalid_argument)
    if (in.fail()) return "the file is cut short";
    return {};
  }
};

}  // namespace

struct FastTextLanguageModel::Impl {
  CheckedFastText model;
  std::string label_prefix;  // "__label__"
};

FastTextLanguageModel::~FastTextLanguageModel() = default;

Result<std::shared_ptr<const FastTextLanguageModel>> FastTextLanguageModel::load(const std::string& path) {
  auto fail = [&](std::string_view why) {
    return Error{ErrorCode::kIo, path + ": cannot load fastText model: " + std::string(why)};
  };
  std::shared_ptr<FastTextLanguageModel> m(new FastTextLanguageModel());
  m->impl_ = std::make_unique<Impl>();
  m->path_ = path;
  try {
    std::string why = m->impl_->model.load(path);
    if (!why.empty()) return fail(why);
  } catch (const std::exception& e) {
    return fail(std::string("damaged model file (") + e.what() + ")");
  }
  fasttext::Args args = m->impl_->model.getArgs();
  if (args.model != fasttext::model_name::sup) return fail("not a supervised (classification) model");
  m->impl_->label_prefix = args.label;
  if (m->impl_->model.getDictionary()->nlabels() == 0) return fail("the model has no labels");
  return std::shared_ptr<const FastTextLanguageModel>(std::move(m));
}

LanguageGuess FastTextLanguageModel::detect(std::string_view text) const {
  LanguageGuess g;
  g.code = "un";
  // fastText reads one line; datatrove replaces the newlines with spaces, and fastText's Python
  // predict() appends the "\n" that ends the line (fastText adds its end-of-sentence token there).
  std::string line(text);
  std::replace(line.begin(), line.end(), '\n', ' ');
  line += '\n';
  std::istringstream in(line);
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  try {
    impl_->model.predictLine(in, predictions, /*k=*/1, /*threshold=*/0.0);
  } catch (const std::exception&) {
    return g;
  }
  if (predictions.empty()) return g;
  const std::string& label = predictions[0].second;
  const std::string& prefix = impl_->label_prefix;
  g.code = label.compare(0, prefix.size(), prefix) == 0 ? label.substr(prefix.size()) : label;
  g.score = std::min(1.0, static_cast<double>(predictions[0].first));
  g.reliable = true;
  return g;
}

}  // namespace pith
