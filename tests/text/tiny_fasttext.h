// A tiny fastText language-ID model trained in-process: no real model (lid.176.bin) can be
// downloaded in the test environment, and the tests must go through fastText's real loading
// and prediction code. Labels are "__label__en" and "__label__de", as in lid.176.
#pragma once
#include <fasttext/fasttext.h>

#include <fstream>
#include <string>

namespace pith::testing {

inline const char* kTinyEnglish[] = {
    "the house is by the water and the garden is green",
    "we walked to the school with our children in the morning",
    "this is the book that my father gave to me last year",
    "the weather was cold and the river was full of water",
    "she said that the train would arrive in the evening",
    "they have a small dog and a big black cat at home",
};
inline const char* kTinyGerman[] = {
    "das haus steht am wasser und der garten ist gruen",
    "wir gingen mit unseren kindern am morgen zur schule",
    "das ist das buch das mein vater mir letztes jahr gab",
    "das wetter war kalt und der fluss war voller wasser",
    "sie sagte dass der zug am abend ankommen wuerde",
    "sie haben einen kleinen hund und eine grosse schwarze katze",
};

// Trains the model on `dir`/train.txt and saves it as `dir`/tiny-lid.bin; returns that path.
inline std::string train_tiny_language_model(const std::string& dir) {
  std::string train = dir + "/train.txt", model = dir + "/tiny-lid.bin";
  {
    std::ofstream f(train);
    for (int rep = 0; rep < 5; ++rep) {
      for (const char* s : kTinyEnglish) f << "__label__en " << s << "\n";
      for (const char* s : kTinyGerman) f << "__label__de " << s << "\n";
    }
  }
  fasttext::Args a;  // the settings of `fasttext supervised`, made small and deterministic
  a.input = train;
  a.model = fasttext::model_name::sup;
  a.loss = fasttext::loss_name::softmax;
  a.minCount = 1;
  a.minn = 0;
  a.maxn = 0;
  a.bucket = 0;
  a.dim = 8;
  a.epoch = 50;
  a.lr = 0.5;
  a.thread = 1;
  a.verbose = 0;
  fasttext::FastText ft;
  ft.train(a);
  ft.saveModel(model);
  return model;
}

}  // namespace pith::testing
