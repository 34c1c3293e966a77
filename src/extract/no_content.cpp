#include "extract/no_content.h"

#include <string>

#include "core/strings.h"
#include "core/utf8.h"

namespace pith {

namespace {

// Text longer than this (visible code points) is content whatever its title says: an error
// page's notice and the chrome that survives around it ("Popular posts", a search box) stay
// under it, and an article about a 404 error or about signing in runs past it.
constexpr size_t kShortTextChars = 1000;
// A notice found only in the text (not in <title> or <h1>) empties a page this short, or one
// up to kShortTextChars that asks search engines not to index it (robots noindex).
constexpr size_t kNoticeOnlyChars = 300;
// The notice must open the text: within this many bytes of its folded start.
constexpr size_t kTextHeadBytes = 240;
// HTTP statuses from here up are errors: the body is the server's error page.
constexpr int kFirstErrorStatus = 400;

enum class Notice { kError, kNoResults, kLogin };

struct NoticePhrase {
  std::string_view phrase;  // case-folded (fold_case)
  Notice kind;
};

// Notices of pages with no main content, case-folded, in the languages of the web's largest
// sites. A phrase names the page ("page not found"), not a topic ("not found" alone titles news
// stories), so that a short article is not taken for an error page.
constexpr NoticePhrase kNotices[] = {
    // English
    {"page not found", Notice::kError}, {"page cannot be found", Notice::kError},
    {"page could not be found", Notice::kError}, {"page can't be found", Notice::kError},
    {"page you requested", Notice::kError}, {"page you are looking for", Notice::kError},
    {"page you were looking for", Notice::kError}, {"page you're looking for", Notice::kError},
    {"page doesn't exist", Notice::kError}, {"page does not exist", Notice::kError},
    {"page no longer exists", Notice::kError}, {"page is no longer available", Notice::kError},
    {"content is no longer available", Notice::kError}, {"article is no longer available", Notice::kError},
    {"no longer available", Notice::kError}, {"content not found", Notice::kError},
    {"article not found", Notice::kError}, {"post not found", Notice::kError}, {"file not found", Notice::kError},
    {"404 not found", Notice::kError}, {"error 404", Notice::kError}, {"404 error", Notice::kError},
    {"http 404", Notice::kError}, {"410 gone", Notice::kError}, {"403 forbidden", Notice::kError},
    {"access denied", Notice::kError}, {"access to this page has been denied", Notice::kError},
    {"you don't have permission to access", Notice::kError},
    {"you do not have permission to access", Notice::kError}, {"we can't find the page", Notice::kError},
    {"we couldn't find the page", Notice::kError}, {"we couldn't find that page", Notice::kError},
    {"this page has been removed", Notice::kError}, {"this content has been removed", Notice::kError},
    {"500 internal server error", Notice::kError}, {"503 service unavailable", Notice::kError},
    // German, French, Spanish, Italian, Portuguese, Dutch, Polish, Turkish
    {"seite nicht gefunden", Notice::kError}, {"seite wurde nicht gefunden", Notice::kError},
    {"seite existiert nicht", Notice::kError}, {"nicht mehr verfügbar", Notice::kError},
    {"zugriff verweigert", Notice::kError}, {"fehler 404", Notice::kError},
    {"page introuvable", Notice::kError}, {"page non trouvée", Notice::kError},
    {"page n'existe pas", Notice::kError}, {"page n'existe plus", Notice::kError},
    {"n'est plus disponible", Notice::kError}, {"accès refusé", Notice::kError}, {"erreur 404", Notice::kError},
    {"página no encontrada", Notice::kError}, {"página no existe", Notice::kError},
    {"ya no está disponible", Notice::kError}, {"acceso denegado", Notice::kError},
    {"pagina non trovata", Notice::kError}, {"pagina non esiste", Notice::kError},
    {"non è più disponibile", Notice::kError}, {"accesso negato", Notice::kError},
    {"página não encontrada", Notice::kError}, {"não está mais disponível", Notice::kError},
    {"acesso negado", Notice::kError}, {"pagina niet gevonden", Notice::kError},
    {"pagina bestaat niet", Notice::kError}, {"niet meer beschikbaar", Notice::kError},
    {"toegang geweigerd", Notice::kError}, {"nie znaleziono strony", Notice::kError},
    {"strona nie istnieje", Notice::kError}, {"sayfa bulunamadı", Notice::kError},
    // Russian, Ukrainian
    {"страница не найдена", Notice::kError}, {"страницу не найдено", Notice::kError},
    {"доступ запрещен", Notice::kError}, {"доступ запрещён", Notice::kError}, {"ошибка 404", Notice::kError},
    // Chinese (simplified, traditional), Japanese, Korean
    {"页面不存在", Notice::kError}, {"页面未找到", Notice::kError}, {"找不到页面", Notice::kError},
    {"页面找不到", Notice::kError}, {"您访问的页面", Notice::kError}, {"文章不存在", Notice::kError},
    {"内容不存在", Notice::kError}, {"内容已被删除", Notice::kError}, {"文章已被删除", Notice::kError},
    {"访问被拒绝", Notice::kError}, {"頁面不存在", Notice::kError}, {"找不到網頁", Notice::kError},
    {"網頁不存在", Notice::kError}, {"找不到頁面", Notice::kError},
    {"ページが見つかりません", Notice::kError}, {"ページは見つかりませんでした", Notice::kError},
    {"ページは存在しません", Notice::kError}, {"お探しのページ", Notice::kError},
    {"페이지를 찾을 수 없습니다", Notice::kError}, {"존재하지 않는 페이지", Notice::kError},
    {"삭제된 게시물", Notice::kError},
    // Searches that found nothing
    {"no results found", Notice::kNoResults}, {"no results for", Notice::kNoResults},
    {"did not match any", Notice::kNoResults}, {"no matching results", Notice::kNoResults},
    {"0 results", Notice::kNoResults}, {"nothing found", Notice::kNoResults},
    {"no products found", Notice::kNoResults}, {"no items found", Notice::kNoResults},
    {"keine ergebnisse", Notice::kNoResults}, {"keine treffer", Notice::kNoResults},
    {"aucun résultat", Notice::kNoResults}, {"no se encontraron resultados", Notice::kNoResults},
    {"sin resultados", Notice::kNoResults}, {"nessun risultato", Notice::kNoResults},
    {"nenhum resultado", Notice::kNoResults}, {"geen resultaten", Notice::kNoResults},
    {"ничего не найдено", Notice::kNoResults}, {"没有找到", Notice::kNoResults},
    {"未找到相关", Notice::kNoResults}, {"找不到相关", Notice::kNoResults},
    {"検索結果はありません", Notice::kNoResults}, {"검색 결과가 없습니다", Notice::kNoResults},
};

// What a login wall's title or <h1> says, as the whole of it or of its first part.
constexpr std::string_view kLoginTitles[] = {
    "sign in", "sign-in", "signin", "log in", "log-in", "login", "member login", "anmelden", "einloggen",
    "connexion", "se connecter", "iniciar sesión", "acceder", "accedi", "entrar", "inloggen", "zaloguj się",
    "войти", "вход", "登录", "登入", "ログイン", "로그인"};

// Words of a search page's URL query, path or title.
constexpr std::string_view kSearchQueryKeys[] = {"q", "s", "query", "search", "keyword", "keywords", "k", "term"};
constexpr std::string_view kSearchWords[] = {"search", "suche", "recherche", "búsqueda", "ricerca", "pesquisa",
                                             "zoeken", "поиск", "搜索", "検索", "검색"};

// Separators between a title's parts ("Sign in | Example", "Page not found – Example").
constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " – ", " — ", " · ", " : ", " :: ", " ‹ ", " « ", " » "};

// Lower case for Latin (ASCII and Latin-1), Greek and Cyrillic: enough for the phrase tables.
void fold_case(std::string_view s, std::string& out) {
  out.clear();
  for (size_t i = 0; i < s.size();) {
    char32_t c = utf8_decode(s, i);
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3AB) ||
        (c >= 0x410 && c <= 0x42F))
      c += 0x20;
    else if (c >= 0x400 && c <= 0x40F)
      c += 0x50;
    utf8_append(c, out);
  }
}

size_t visible_code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 && !is_ascii_space(c);
  return n;
}

bool has_notice(std::string_view folded, Notice kind) {
  for (const NoticePhrase& p : kNotices)
    if (p.kind == kind && folded.find(p.phrase) != std::string_view::npos) return true;
  return false;
}

// The first part of a title: "Sign in" of "Sign in | Example".
std::string_view first_part(std::string_view title) {
  size_t cut = title.size();
  for (std::string_view sep : kTitleSeparators) cut = std::min(cut, title.find(sep));
  return trim(title.substr(0, cut));
}

// Whether a status code stands alone in a title or heading ("404", "404 | Example", "Error 404").
bool has_status_code(std::string_view folded) {
  for (std::string_view code : {"404", "410"}) {
    std::string_view head = first_part(folded);
    if (head == code || head.starts_with(std::string(code) + " ") || head.starts_with(std::string(code) + ".")) return true;
  }
  return false;
}

bool is_search_url(std::string_view url) {
  size_t q = url.find('?');
  std::string_view path = url.substr(0, std::min(q, url.find('#')));
  if (size_t scheme = path.find("://"); scheme != std::string_view::npos) {
    size_t slash = path.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  if (ascii_lowercase(path).find("search") != std::string::npos) return true;
  if (q == std::string_view::npos) return false;
  std::string_view query = url.substr(q + 1);
  for (std::string_view part : split_any(query, "&;")) {
    std::string_view key = part.substr(0, part.find('='));
    for (std::string_view k : kSearchQueryKeys)
      if (iequals(key, k) && part.size() > key.size() + 1) return true;
  }
  return false;
}

struct PageSignals {
  std::string title;  // folded, white space collapsed
  std::string h1;     // the first <h1> with text, folded
  bool password = false;
  bool noindex = false;
};

void read_signals(const Document& doc, PageSignals& s) {
  std::string buf;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in_subtree(n, doc.root())) {
    const Node& node = doc.node(n);
    if (node.kind != NodeKind::kElement) continue;
    switch (node.tag) {
      case Tag::k_title:
        if (s.title.empty()) {
          buf.clear();
          doc.append_text(n, buf);
          fold_case(collapse_whitespace(buf), s.title);
        }
        break;
      case Tag::k_h1:
        if (s.h1.empty()) {
          buf.clear();
          doc.append_text(n, buf);
          fold_case(collapse_whitespace(buf), s.h1);
        }
        break;
      case Tag::k_input:
        s.password = s.password || iequals(doc.attr(n, "type"), "password");
        break;
      case Tag::k_meta:
        if (iequals(doc.attr(n, "name"), "robots") &&
            ascii_lowercase(doc.attr(n, "content")).find("noindex") != std::string::npos)
          s.noindex = true;
        break;
      default: break;
    }
  }
}

}  // namespace

std::string_view no_content_reason(const Document& doc, const PageInfo& page, std::string_view text) {
  if (page.http_status >= kFirstErrorStatus) return "http_status";
  const size_t chars = visible_code_points(text);
  if (chars > kShortTextChars) return {};
  PageSignals s;
  read_signals(doc, s);
  std::string head;
  fold_case(text.substr(0, kTextHeadBytes), head);
  const bool heading_error = has_notice(s.title, Notice::kError) || has_notice(s.h1, Notice::kError) ||
                             has_status_code(s.title) || has_status_code(s.h1);
  if (heading_error) return "error_page";
  if (has_notice(head, Notice::kError) && (chars <= kNoticeOnlyChars || s.noindex)) return "error_page";
  if (has_notice(s.title, Notice::kNoResults) || has_notice(s.h1, Notice::kNoResults) ||
      has_notice(head, Notice::kNoResults)) {
    bool search = is_search_url(page.url);
    for (std::string_view w : kSearchWords)
      search = search || s.title.find(w) != std::string::npos || s.h1.find(w) != std::string::npos;
    if (search) return "no_results";
  }
  if (s.password) {
    for (std::string_view t : kLoginTitles)
      if (first_part(s.title) == t || first_part(s.h1) == t) return "login_wall";
  }
  return {};
}

}  // namespace pith
