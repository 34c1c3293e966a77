#include "text/boilerplate_phrases.h"

#include <array>
#include <bit>
#include <memory>

#include "text/cuckoo_set.h"
#include "text/line_features.h"

namespace pith {

namespace {

using enum PhraseScope;

// Headings of lists of other pages (teasers), which end an article in most templates.
constexpr BoilerplatePhrase kListHeadings[] = {
    {"related news", kWholeLine}, {"latest news", kWholeLine}, {"related posts", kWholeLine},
    {"related articles", kWholeLine}, {"related stories", kWholeLine}, {"related content", kWholeLine},
    {"related", kWholeLine}, {"related topics", kWholeLine}, {"related reading", kWholeLine},
    {"you may also like", kWholeLine}, {"you might also like", kWholeLine}, {"you may like", kWholeLine},
    {"recommended", kWholeLine}, {"recommended for you", kWholeLine}, {"recommended stories", kWholeLine},
    {"recommended articles", kWholeLine}, {"more stories", kWholeLine}, {"more news", kWholeLine},
    {"more articles", kWholeLine}, {"more posts", kWholeLine}, {"most popular", kWholeLine},
    {"most read", kWholeLine}, {"most viewed", kWholeLine}, {"most shared", kWholeLine},
    {"trending", kWholeLine}, {"trending now", kWholeLine}, {"trending stories", kWholeLine},
    {"popular posts", kWholeLine}, {"popular articles", kWholeLine}, {"popular stories", kWholeLine},
    {"popular", kWholeLine}, {"recent posts", kWholeLine}, {"recent articles", kWholeLine},
    {"recent news", kWholeLine}, {"recent comments", kWholeLine}, {"top stories", kWholeLine},
    {"top news", kWholeLine}, {"latest", kWholeLine}, {"latest posts", kWholeLine},
    {"latest articles", kWholeLine}, {"latest stories", kWholeLine}, {"latest videos", kWholeLine},
    {"read next", kWholeLine}, {"up next", kWholeLine}, {"whats next", kWholeLine},
    {"editors picks", kWholeLine}, {"editors choice", kWholeLine}, {"also read", kWholeLine},
    {"read also", kWholeLine}, {"more from", kLineStart}, {"more in", kLineStart},
    {"in other news", kWholeLine}, {"dont miss", kWholeLine}, {"more like this", kWholeLine},
    {"similar posts", kWholeLine}, {"similar articles", kWholeLine}, {"you may be interested in", kWholeLine},
    {"you might be interested in", kWholeLine}, {"other stories", kWholeLine}, {"more to explore", kWholeLine},
    {"around the web", kWholeLine}, {"from the web", kWholeLine}, {"featured", kWholeLine},
    {"featured posts", kWholeLine}, {"featured articles", kWholeLine}, {"further reading", kWholeLine},
    {"what to read next", kWholeLine}, {"keep reading", kWholeLine}, {"more videos", kWholeLine},
    {"popular now", kWholeLine}, {"must read", kWholeLine}, {"news", kWholeLine},
    {"categories", kWholeLine}, {"archives", kWholeLine}, {"tags", kWholeLine}, {"topics", kWholeLine},
    {"tagged", kLineStart}, {"tags", kLineStart}, {"filed under", kLineStart}, {"posted in", kLineStart},
    {"categories", kLineStart}, {"category", kLineStart},
    {"weitere artikel", kWholeLine}, {"das könnte sie auch interessieren", kWholeLine},
    {"articles similaires", kWholeLine}, {"à lire aussi", kWholeLine}, {"noticias relacionadas", kWholeLine},
    {"artículos relacionados", kWholeLine}, {"leggi anche", kWholeLine},
    // Headings of teaser lists that name their section: "Most Popular Videos", "More World".
    {"more", kHeading}, {"most popular", kHeading}, {"most read", kHeading}, {"most viewed", kHeading}, {"more from", kHeading},
    {"more in", kHeading}, {"more on", kHeading}, {"more stories", kHeading}, {"more news", kHeading},
    {"more great", kHeading}, {"more like", kHeading}, {"next up", kHeading}, {"up next", kHeading},
    {"related", kHeading}, {"recommended", kHeading}, {"trending", kHeading}, {"latest", kHeading},
    {"top stories", kHeading}, {"popular", kHeading}, {"you may also", kHeading}, {"you might also", kHeading},
    {"you may like", kHeading}, {"also on", kHeading}, {"also read", kHeading}, {"around the web", kHeading},
    {"sponsored stories", kHeading}, {"recent posts", kHeading}, {"latest posts", kHeading},
    {"editors picks", kHeading}, {"keep reading", kHeading}, {"read next", kHeading},
    {"other articles", kHeading}, {"similar", kHeading}, {"more to read", kHeading},
    // Other languages: pt, es, fr, de, it, nl, id.
    {"você pode gostar", kHeading}, {"veja também", kHeading}, {"leia também", kHeading},
    {"posts relacionados", kHeading}, {"notícias relacionadas", kHeading}, {"mais lidas", kHeading},
    {"te puede interesar", kHeading}, {"también te puede interesar", kHeading}, {"lo más leído", kHeading},
    {"más noticias", kHeading}, {"lee también", kHeading}, {"sur le même sujet", kHeading},
    {"vous aimerez aussi", kHeading}, {"les plus lus", kHeading}, {"à lire également", kHeading},
    {"mehr zum thema", kHeading}, {"auch interessant", kHeading}, {"meistgelesen", kHeading},
    {"potrebbe interessarti", kHeading}, {"articoli correlati", kHeading}, {"lees ook", kHeading},
    {"gerelateerde artikelen", kHeading}, {"baca juga", kHeading}, {"artikel terkait", kHeading},
    {"berita terkait", kHeading},
    // Shops: lists of other products beside the one the page is about (as extract/rules.cpp).
    {"people who viewed this item also", kLineStart}, {"customers who viewed this item also", kLineStart},
    {"customers who bought this item also", kLineStart}, {"customers also bought", kHeading},
    {"customers also viewed", kHeading}, {"frequently bought together", kHeading}, {"similar items", kHeading},
    {"similar products", kHeading}, {"related products", kHeading}, {"related items", kHeading},
    {"explore related", kHeading}, {"more from this seller", kHeading}, {"sellers other items", kHeading},
    {"sponsored products", kHeading}, {"complete the look", kHeading}, {"shop the look", kHeading},
    {"you may also be interested in", kHeading},
};

// Comment forms (WordPress and its themes, Disqus, ...).
constexpr BoilerplatePhrase kCommentForm[] = {
    {"leave a reply", kWholeLine}, {"leave a comment", kWholeLine}, {"post a comment", kWholeLine},
    {"add a comment", kWholeLine}, {"add comment", kWholeLine}, {"write a comment", kWholeLine},
    {"please enter your comment", kWholeLine}, {"please enter your name here", kWholeLine},
    {"you have entered an incorrect email address", kLineStart},
    {"your email address will not be published", kLineStart},
    {"required fields are marked", kAnywhere}, {"save my name email and website in this browser", kLineStart},
    {"cancel reply", kWholeLine}, {"post comment", kWholeLine}, {"submit comment", kWholeLine},
    {"leave a reply cancel reply", kWholeLine}, {"notify me of new posts by email", kWholeLine},
    {"notify me of follow up comments by email", kWholeLine}, {"notify me of new comments", kLineStart},
    {"this site uses akismet to reduce spam", kLineStart}, {"you must be logged in to post a comment", kLineStart},
    {"join the discussion", kWholeLine}, {"join the conversation", kWholeLine}, {"comments are closed", kLineStart},
    {"be the first to comment", kLineStart}, {"your comment", kWholeLine}, {"comment", kWholeLine},
    {"mail will not be published", kLineStart}, {"log in to reply", kWholeLine}, {"powered by disqus", kWholeLine},
    {"comments powered by disqus", kLineStart}, {"please enable javascript to view the comments", kLineStart},
    {"we welcome comments", kLineStart}, {"as you comment please be respectful", kLineStart},
    {"please log in using one of these methods", kLineStart}, {"you are commenting using your", kLineStart},
    {"leave a reply cancel", kLineStart}, {"deixe um comentário", kWholeLine}, {"deja un comentario", kWholeLine},
    {"laisser un commentaire", kWholeLine}, {"kommentar schreiben", kWholeLine}, {"lascia un commento", kWholeLine},
    {"tinggalkan balasan", kLineStart},
    // The answer form of Q&A software (Stack Exchange and its clones).
    // Sentences, so matched anywhere (a line of prose matches no other scope).
    {"your answer", kWholeLine}, {"post your answer", kLineStart}, {"thanks for contributing an answer to", kAnywhere},
    {"please be sure to answer the question", kAnywhere}, {"asking for help clarification or responding to other answers", kAnywhere},
    {"making statements based on opinion", kAnywhere}, {"to learn more see our tips on writing great answers", kAnywhere},
    {"draft saved", kWholeLine}, {"draft discarded", kWholeLine}, {"post as a guest", kWholeLine},
    {"required but never shown", kWholeLine}, {"sign up using google", kWholeLine},
    {"sign up using email and password", kWholeLine}, {"know someone who can answer", kLineStart},
};

// The fields of a form: a comment form's, but as well a newsletter's or a contact form's in the
// middle of an article. Chrome that does not end the article by itself (the heading or the
// notice of a comment form above them does).
constexpr BoilerplatePhrase kFormFields[] = {
    {"name", kWholeLine}, {"email", kWholeLine}, {"website", kWholeLine}, {"name required", kWholeLine},
    {"email required", kWholeLine}, {"your name", kWholeLine}, {"your email", kWholeLine},
};

// The comment section: its heading and the buttons of each comment.
constexpr BoilerplatePhrase kComments[] = {
    {"comments", kWholeLine}, {"comment", kWholeLine}, {"no comments", kWholeLine},
    {"responses", kWholeLine}, {"show comments", kWholeLine},
    {"view comments", kWholeLine}, {"load comments", kWholeLine}, {"comments closed", kWholeLine},
    {"discussion", kWholeLine}, {"reader comments", kWholeLine}, {"kommentare", kWholeLine},
    {"commentaires", kWholeLine}, {"comentarios", kWholeLine}, {"comments for this thread are now closed", kWholeLine},
    {"view all comments", kWholeLine}, {"show all comments", kWholeLine}, {"conversation", kWholeLine},
    {"responses to", kLineStart}, {"thoughts on", kLineStart}, {"comments on", kLineStart},
    {"replies to", kLineStart}, {"comments to", kLineStart}, {"reactions to", kLineStart},
    {"comments so far", kWholeLine}, {"responses so far", kWholeLine},
};

// The buttons of each comment or post: chrome, but posts go on after them (forums).
constexpr BoilerplatePhrase kCommentButtons[] = {
    {"reply", kWholeLine}, {"replies", kWholeLine}, {"reply to this comment", kWholeLine},
    {"report abuse", kWholeLine}, {"report comment", kWholeLine}, {"report", kWholeLine},
    {"quote", kWholeLine}, {"like", kWholeLine}, {"likes", kWholeLine}, {"permalink", kWholeLine},
    {"flag", kWholeLine}, {"upvote", kWholeLine}, {"downvote", kWholeLine}, {"helpful", kWholeLine},
    // The edit links under each question and answer of Q&A software.
    {"improve this answer", kWholeLine}, {"improve this question", kWholeLine}, {"edit this answer", kWholeLine},
    {"follow this question", kWholeLine}, {"share improve this answer", kLineStart},
};

constexpr BoilerplatePhrase kShare[] = {
    {"share", kWholeLine}, {"share this", kWholeLine}, {"share this article", kWholeLine},
    {"share this story", kWholeLine}, {"share this post", kWholeLine}, {"share article", kWholeLine},
    {"share on facebook", kWholeLine}, {"share on twitter", kWholeLine}, {"share on linkedin", kWholeLine},
    {"share on whatsapp", kWholeLine}, {"share via email", kWholeLine}, {"share via", kWholeLine},
    {"share this page", kWholeLine}, {"share the article", kWholeLine}, {"share full article", kWholeLine},
    {"tweet", kWholeLine}, {"facebook", kWholeLine}, {"twitter", kWholeLine}, {"linkedin", kWholeLine},
    {"pinterest", kWholeLine}, {"whatsapp", kWholeLine}, {"reddit", kWholeLine}, {"tumblr", kWholeLine},
    {"print", kWholeLine}, {"copy link", kWholeLine}, {"link copied", kWholeLine}, {"copy url", kWholeLine},
    {"follow us", kWholeLine}, {"follow us on", kLineStart}, {"like us on facebook", kWholeLine},
    {"pin it", kWholeLine}, {"telegram", kWholeLine}, {"messenger", kWholeLine}, {"instagram", kWholeLine},
    {"youtube", kWholeLine}, {"tiktok", kWholeLine}, {"click to share on", kLineStart},
    {"opens in new window", kWholeLine}, {"opens in a new window", kWholeLine}, {"x", kWholeLine},
    {"email this", kWholeLine}, {"print this", kWholeLine}, {"save", kWholeLine}, {"saved", kWholeLine},
    {"share this with", kLineStart}, {"click to email", kLineStart}, {"click to print", kLineStart},
    {"click to share", kLineStart}, {"email to a friend", kWholeLine}, {"teilen", kWholeLine}, {"partager", kWholeLine},
    {"compartir", kWholeLine}, {"condividi", kWholeLine}, {"bookmark", kWholeLine}, {"gift article", kWholeLine},
};

constexpr BoilerplatePhrase kSubscribe[] = {
    {"subscribe", kWholeLine}, {"subscribe now", kWholeLine}, {"subscribe today", kWholeLine},
    {"sign up for our newsletter", kAnywhere}, {"subscribe to our newsletter", kAnywhere},
    {"by opting in", kLineStart}, {"sign up for exclusive", kLineStart},
    {"newsletter", kWholeLine}, {"newsletters", kWholeLine}, {"sign up", kWholeLine},
    {"get our newsletter", kLineStart}, {"join our mailing list", kLineStart}, {"join our newsletter", kLineStart},
    {"enter your email", kLineStart}, {"enter your email address", kLineStart}, {"your email address", kWholeLine},
    {"email address", kWholeLine}, {"by signing up you agree", kLineStart}, {"by subscribing you agree", kLineStart},
    {"unsubscribe at any time", kAnywhere}, {"thank you for subscribing", kLineStart},
    {"sign up for free", kWholeLine}, {"sign up for the", kLineStart}, {"get the latest", kLineStart},
    {"stay up to date", kLineStart}, {"stay informed", kLineStart}, {"stay in the know", kLineStart},
    {"subscribe to", kLineStart}, {"already a subscriber", kLineStart}, {"become a member", kWholeLine},
    {"you can unsubscribe at any time", kAnywhere}, {"delivered to your inbox", kAnywhere},
    {"straight to your inbox", kAnywhere}, {"in your inbox", kAnywhere},
    {"thanks for signing up", kLineStart}, {"thank you for signing up", kLineStart},
    {"keep an eye on your inbox", kLineStart}, {"check your inbox", kLineStart},
    {"please check the opt in box", kLineStart}, {"i agree to receive", kLineStart},
    {"by clicking sign up", kLineStart}, {"by clicking subscribe", kLineStart}, {"sign me up", kWholeLine},
    {"no spam", kWholeLine}, {"we respect your privacy", kLineStart},
    // What web forms print after a submission (form builders' default texts).
    {"something went wrong while submitting the form", kAnywhere},
    {"your submission has been received", kAnywhere},
};

constexpr BoilerplatePhrase kLogin[] = {
    {"sign in", kWholeLine}, {"log in", kWholeLine}, {"login", kWholeLine}, {"register", kWholeLine},
    {"create an account", kWholeLine}, {"create account", kWholeLine}, {"my account", kWholeLine},
    {"account", kWholeLine}, {"forgot your password", kLineStart}, {"forgot password", kLineStart},
    {"lost your password", kLineStart}, {"log out", kWholeLine}, {"sign out", kWholeLine},
    {"logout", kWholeLine}, {"username", kWholeLine}, {"password", kWholeLine}, {"remember me", kWholeLine},
    {"sign in to", kLineStart}, {"log in to", kLineStart}, {"signin", kWholeLine},
    {"username or email address", kWholeLine}, {"sign in register", kWholeLine}, {"log in register", kWholeLine},
    {"anmelden", kWholeLine}, {"connexion", kWholeLine}, {"iniciar sesión", kWholeLine},
};

constexpr BoilerplatePhrase kCookieLegal[] = {
    {"uses cookies", kAnywhere}, {"use cookies", kAnywhere}, {"use of cookies", kAnywhere},
    {"cookie policy", kAnywhere}, {"cookie settings", kAnywhere}, {"cookies settings", kAnywhere},
    {"accept cookies", kAnywhere}, {"accept all cookies", kAnywhere}, {"cookie preferences", kAnywhere},
    {"privacy policy", kAnywhere}, {"privacy notice", kAnywhere}, {"terms of use", kAnywhere},
    {"terms of service", kAnywhere}, {"terms and conditions", kAnywhere}, {"terms conditions", kAnywhere},
    {"privacy", kWholeLine}, {"terms", kWholeLine}, {"accept", kWholeLine}, {"accept all", kWholeLine},
    {"reject all", kWholeLine}, {"manage preferences", kWholeLine}, {"manage cookies", kWholeLine},
    {"do not sell my personal information", kAnywhere}, {"do not sell or share my personal information", kAnywhere},
    {"your privacy choices", kAnywhere}, {"imprint", kWholeLine}, {"impressum", kWholeLine},
    {"datenschutz", kWholeLine}, {"datenschutzerklärung", kWholeLine}, {"legal notice", kWholeLine},
    {"legal", kWholeLine}, {"disclaimer", kWholeLine}, {"accessibility", kWholeLine},
    {"accessibility statement", kWholeLine}, {"ad choices", kWholeLine}, {"adchoices", kWholeLine},
    {"cookies", kWholeLine}, {"cookie", kWholeLine}, {"gdpr", kWholeLine}, {"mentions légales", kWholeLine},
    {"política de privacidad", kAnywhere}, {"aviso legal", kWholeLine},
    // The categories and buttons of consent managers (OneTrust, Cookiebot, IAB TCF purposes).
    {"strictly necessary cookies", kWholeLine}, {"necessary cookies", kWholeLine},
    {"functional cookies", kWholeLine}, {"performance cookies", kWholeLine},
    {"targeting cookies", kWholeLine}, {"analytics cookies", kWholeLine}, {"marketing cookies", kWholeLine},
    {"always active", kWholeLine}, {"allow all", kWholeLine}, {"manage consent", kWholeLine},
    {"manage consent preferences", kWholeLine}, {"confirm my choices", kWholeLine},
    {"privacy preference center", kWholeLine}, {"store and or access information on a device", kAnywhere},
    {"list of iab vendors", kAnywhere},
};

constexpr BoilerplatePhrase kCopyright[] = {
    {"all rights reserved", kAnywhere}, {"copyright", kLineStart}, {"powered by", kLineStart},
    {"alle rechte vorbehalten", kAnywhere}, {"tous droits réservés", kAnywhere},
    {"todos los derechos reservados", kAnywhere}, {"theme by", kLineStart}, {"designed by", kLineStart},
    {"proudly powered by", kLineStart}, {"site by", kLineStart},
};

constexpr BoilerplatePhrase kAdvertisement[] = {
    {"advertisement", kWholeLine}, {"advertisements", kWholeLine}, {"sponsored", kWholeLine},
    {"sponsored content", kWholeLine}, {"ad", kWholeLine}, {"ads", kWholeLine}, {"paid content", kWholeLine},
    {"promoted", kWholeLine}, {"promoted content", kWholeLine}, {"partner content", kWholeLine},
    {"story continues below advertisement", kWholeLine}, {"article continues below advertisement", kWholeLine},
    {"continue reading below", kWholeLine}, {"scroll to continue with content", kWholeLine},
    {"report this ad", kWholeLine}, {"advertise with us", kWholeLine}, {"advertise", kWholeLine},
    {"anzeige", kWholeLine}, {"publicité", kWholeLine}, {"publicidad", kWholeLine}, {"ad feedback", kWholeLine},
    {"continue reading the main story", kWholeLine}, {"skip advertisement", kWholeLine},
    // Affiliate and sponsorship disclosures.
    {"contains affiliate links", kAnywhere}, {"affiliate links", kAnywhere}, {"affiliate link", kAnywhere},
    {"earn a commission", kAnywhere}, {"earn us a commission", kAnywhere}, {"earn a small commission", kAnywhere},
    {"may earn commission", kAnywhere}, {"at no extra cost to you", kAnywhere},
    {"at no additional cost to you", kAnywhere}, {"we may receive a commission", kAnywhere},
    {"may get a share of the sale", kAnywhere}, {"independently chosen by our editors", kAnywhere},
    {"chosen independently by our editors", kAnywhere}, {"this post is sponsored", kLineStart},
};

constexpr BoilerplatePhrase kCallToAction[] = {
    {"read more", kWholeLine}, {"read full story", kWholeLine}, {"read the full story", kWholeLine},
    {"continue reading", kWholeLine}, {"click here", kLineStart}, {"learn more", kWholeLine},
    {"find out more", kWholeLine}, {"download now", kWholeLine}, {"buy now", kWholeLine},
    {"shop now", kWholeLine}, {"get started", kWholeLine}, {"see more", kWholeLine}, {"view more", kWholeLine},
    {"load more", kWholeLine}, {"show more", kWholeLine}, {"view all", kLineStart}, {"see all", kLineStart},
    {"back to top", kWholeLine}, {"go to top", kWholeLine}, {"scroll to top", kWholeLine},
    {"skip to content", kWholeLine}, {"skip to main content", kWholeLine}, {"skip to navigation", kWholeLine},
    {"jump to", kLineStart}, {"watch now", kWholeLine}, {"listen", kWholeLine}, {"play", kWholeLine},
    {"listen to this article", kLineStart}, {"read the full article", kWholeLine}, {"read article", kWholeLine},
    {"download", kWholeLine}, {"order now", kWholeLine}, {"add to cart", kWholeLine},
    {"add to wishlist", kWholeLine}, {"get the app", kWholeLine}, {"book now", kWholeLine},
    {"try it free", kWholeLine}, {"start free trial", kWholeLine}, {"start your free trial", kWholeLine},
    {"contact sales", kWholeLine}, {"request a demo", kWholeLine}, {"apply now", kWholeLine},
    {"donate", kWholeLine}, {"donate now", kWholeLine}, {"support us", kWholeLine}, {"more", kWholeLine},
    {"read more about", kLineStart}, {"show less", kWholeLine}, {"expand", kWholeLine},
    {"collapse", kWholeLine}, {"view details", kWholeLine}, {"more info", kWholeLine},
    {"more information", kWholeLine}, {"get in touch", kWholeLine}, {"contact us today", kWholeLine},
    {"call us today", kLineStart}, {"weiterlesen", kWholeLine}, {"lire la suite", kWholeLine},
    {"leer más", kWholeLine}, {"watch", kWholeLine}, {"video", kWholeLine}, {"play video", kWholeLine},
    {"click to enlarge", kWholeLine}, {"enlarge this image", kWholeLine}, {"toggle caption", kWholeLine},
    {"hide caption", kWholeLine}, {"show caption", kWholeLine}, {"view image", kWholeLine},
    {"no credit card required", kAnywhere}, {"book a demo", kWholeLine}, {"get a demo", kWholeLine},
    {"schedule a demo", kWholeLine}, {"request a quote", kWholeLine}, {"get a quote", kWholeLine},
    {"get a free quote", kWholeLine}, {"book a call", kWholeLine}, {"talk to sales", kWholeLine},
    {"talk to an expert", kWholeLine}, {"start for free", kWholeLine}, {"try for free", kWholeLine},
    {"get started for free", kWholeLine}, {"sign up for free", kWholeLine}, {"free trial", kWholeLine},
    {"start free", kWholeLine}, {"try it now", kWholeLine}, {"shop the collection", kWholeLine},
    {"see details", kWholeLine}, {"read the review", kWholeLine}, {"read our full review", kWholeLine},
    {"check price", kWholeLine}, {"check price on amazon", kWholeLine}, {"view on amazon", kWholeLine},
    {"buy on amazon", kWholeLine}, {"see price", kWholeLine}, {"view deal", kWholeLine}, {"see deal", kWholeLine},
    {"click to expand", kWholeLine},
    {"write a review", kWholeLine}, {"embed", kWholeLine}, {"save share", kWholeLine},
    {"your browser does not support", kAnywhere}, {"your browser doesn't support", kAnywhere},
    // What a page without scripts or in an old browser asks for (forum and shop software).
    {"javascript is disabled", kAnywhere}, {"please enable javascript", kAnywhere},
    {"you need to enable javascript", kAnywhere}, {"you are using an out of date browser", kAnywhere},
    {"you should upgrade or use an alternative browser", kAnywhere},
};

constexpr BoilerplatePhrase kNavigation[] = {
    {"home", kWholeLine}, {"menu", kWholeLine}, {"search", kWholeLine}, {"close", kWholeLine},
    {"open menu", kWholeLine}, {"close menu", kWholeLine}, {"main menu", kWholeLine},
    {"toggle navigation", kWholeLine}, {"navigation", kWholeLine}, {"main navigation", kWholeLine},
    {"previous", kWholeLine}, {"next", kWholeLine}, {"prev", kWholeLine}, {"previous article", kLineStart},
    {"next article", kLineStart}, {"previous post", kLineStart}, {"next post", kLineStart},
    {"previous story", kLineStart}, {"next story", kLineStart}, {"older posts", kWholeLine},
    {"newer posts", kWholeLine}, {"next page", kWholeLine}, {"previous page", kWholeLine}, {"back", kWholeLine},
    {"contact", kWholeLine}, {"about", kWholeLine}, {"contact us", kWholeLine}, {"about us", kWholeLine},
    {"sitemap", kWholeLine}, {"site map", kWholeLine}, {"faq", kWholeLine}, {"faqs", kWholeLine},
    {"help", kWholeLine}, {"search for", kWholeLine}, {"search this site", kWholeLine},
    {"search the site", kWholeLine}, {"type to search", kWholeLine}, {"what are you looking for", kWholeLine},
    {"sections", kWholeLine}, {"all", kWholeLine}, {"blog", kWholeLine}, {"shop", kWholeLine},
    {"store", kWholeLine}, {"english", kWholeLine}, {"language", kWholeLine}, {"you are here", kLineStart},
    {"skip navigation", kWholeLine}, {"go", kWholeLine}, {"submit", kWholeLine}, {"ok", kWholeLine},
    {"cancel", kWholeLine}, {"loading", kWholeLine}, {"page", kWholeLine}, {"top", kWholeLine},
    {"careers", kWholeLine}, {"jobs", kWholeLine}, {"press", kWholeLine}, {"team", kWholeLine},
    {"our team", kWholeLine}, {"services", kWholeLine}, {"products", kWholeLine}, {"resources", kWholeLine},
    {"support", kWholeLine}, {"events", kWholeLine}, {"company", kWholeLine}, {"solutions", kWholeLine},
    {"pricing", kWholeLine}, {"features", kWholeLine}, {"opinion", kWholeLine}, {"sports", kWholeLine},
    {"sport", kWholeLine}, {"business", kWholeLine}, {"politics", kWholeLine}, {"world", kWholeLine},
    {"entertainment", kWholeLine}, {"lifestyle", kWholeLine}, {"health", kWholeLine}, {"technology", kWholeLine},
    {"tech", kWholeLine}, {"science", kWholeLine}, {"travel", kWholeLine}, {"culture", kWholeLine},
    {"videos", kWholeLine}, {"photos", kWholeLine}, {"podcasts", kWholeLine}, {"weather", kWholeLine},
    {"local", kWholeLine}, {"national", kWholeLine}, {"education", kWholeLine}, {"food", kWholeLine},
    {"more topics", kWholeLine}, {"quick links", kWholeLine}, {"useful links", kWholeLine},
    {"follow", kWholeLine}, {"connect with us", kWholeLine}, {"stay connected", kWholeLine},
    {"startseite", kWholeLine}, {"accueil", kWholeLine}, {"inicio", kWholeLine}, {"suche", kWholeLine},
    {"rechercher", kWholeLine}, {"buscar", kWholeLine}, {"kontakt", kWholeLine}, {"toggle menu", kWholeLine},
    {"show navigation", kWholeLine}, {"hide navigation", kWholeLine}, {"edit", kWholeLine},
    {"print edition", kWholeLine}, {"e edition", kWholeLine}, {"today's paper", kWholeLine},
    {"todays paper", kWholeLine}, {"on this page", kWholeLine}, {"table of contents", kWholeLine},
    {"contents", kWholeLine}, {"in this article", kWholeLine},
    // The sort and filter controls of a shop, a search or a listing page.
    {"sort", kWholeLine}, {"sort by", kLineStart}, {"sorted by", kLineStart}, {"filter", kWholeLine},
    {"filters", kWholeLine}, {"filter by", kLineStart}, {"refine by", kLineStart}, {"clear all", kWholeLine},
    {"clear filters", kWholeLine}, {"clear all filters", kWholeLine}, {"close filters", kWholeLine},
    {"apply filters", kWholeLine}, {"show filters", kWholeLine}, {"hide filters", kWholeLine},
    {"all filters", kWholeLine}, {"price low to high", kWholeLine}, {"price high to low", kWholeLine},
    {"price low high", kWholeLine}, {"price high low", kWholeLine}, {"newest", kWholeLine},
    {"newest first", kAnywhere}, {"oldest first", kAnywhere}, {"best match", kWholeLine},
    {"highest score default", kWholeLine}, {"most votes", kWholeLine},
    {"best selling", kWholeLine}, {"bestselling", kWholeLine}, {"best sellers", kWholeLine},
    {"customer rating", kWholeLine}, {"top rated", kWholeLine}, {"relevance", kWholeLine},
    {"most relevant", kWholeLine}, {"alphabetically a z", kWholeLine}, {"alphabetically z a", kWholeLine},
    {"name a z", kWholeLine}, {"name z a", kWholeLine}, {"brand a z", kWholeLine}, {"brand z a", kWholeLine},
    {"results per page", kAnywhere}, {"items per page", kAnywhere}, {"products per page", kAnywhere},
    {"recently viewed", kWholeLine}, {"gift cards", kWholeLine}, {"new arrivals", kWholeLine},
    {"advanced search", kWholeLine}, {"previous next", kWholeLine}, {"view cart", kWholeLine},
    {"cart", kWholeLine}, {"your cart is empty", kWholeLine}, {"quick view", kWholeLine},
    {"quick shop", kWholeLine}, {"add to compare", kWholeLine}, {"compare", kWholeLine},
    {"case studies", kWholeLine}, {"newsroom", kWholeLine}, {"forums", kWholeLine}, {"feedback", kWholeLine},
    {"give us feedback", kLineStart}, {"ask question", kWholeLine}, {"ask a question", kWholeLine},
};

constexpr BoilerplatePhrase kCaption[] = {
    {"photo", kWholeLine}, {"photo by", kLineStart}, {"photo credit", kLineStart}, {"image", kWholeLine},
    {"image source", kLineStart}, {"image credit", kLineStart}, {"image by", kLineStart},
    {"photograph", kLineStart}, {"getty images", kAnywhere}, {"shutterstock", kAnywhere},
    {"istock", kAnywhere}, {"ap photo", kAnywhere}, {"afp photo", kAnywhere}, {"file photo", kLineStart},
    {"credit", kLineStart}, {"photo illustration", kLineStart}, {"illustration by", kLineStart},
    {"source image", kLineStart}, {"courtesy of", kLineStart}, {"images", kWholeLine},
    {"foto", kLineStart}, {"bild", kLineStart}, {"photo courtesy", kLineStart}, {"photos courtesy", kLineStart},
    {"image courtesy", kLineStart}, {"image via", kLineStart}, {"photo via", kLineStart},
    {"photo source", kLineStart}, {"image credits", kLineStart}, {"photo credits", kLineStart},
};

constexpr BoilerplatePhrase kByline[] = {
    {"by", kLineStart}, {"written by", kLineStart}, {"posted by", kLineStart}, {"author", kLineStart},
    {"authors", kLineStart}, {"published by", kLineStart}, {"reviewed by", kLineStart},
    {"medically reviewed by", kLineStart}, {"fact checked by", kLineStart}, {"edited by", kLineStart},
    {"min read", kAnywhere}, {"minute read", kAnywhere}, {"minutes read", kAnywhere},
    {"reading time", kLineStart}, {"mins read", kAnywhere},
    {"staff writer", kWholeLine}, {"contributor", kWholeLine}, {"von", kLineStart}, {"par", kLineStart},
    {"por", kLineStart}, {"di", kLineStart},
};

// Page-rating widgets under an article or a help page: what follows them is the page's footer.
constexpr BoilerplatePhrase kFeedback[] = {
    {"was this page helpful", kWholeLine}, {"was this article helpful", kWholeLine},
    {"was this post helpful", kWholeLine}, {"was this helpful", kWholeLine},
    {"was this information helpful", kWholeLine}, {"was this guide helpful", kWholeLine},
    {"was this answer helpful", kWholeLine}, {"was this content helpful", kWholeLine},
    {"is this page helpful", kWholeLine}, {"did this page help you", kWholeLine},
    {"did you find this article helpful", kWholeLine}, {"did you find this page helpful", kWholeLine},
    {"how helpful was this page", kWholeLine}, {"rate this article", kWholeLine}, {"rate this page", kWholeLine},
    {"thanks for your feedback", kWholeLine}, {"thank you for your feedback", kWholeLine},
    {"yes no", kWholeLine}, {"yesno", kWholeLine},
};

// The heading of the author's box under an article (its bio and other posts follow). Above the
// article some templates print it too, so it stops the article only after it (clean.cpp).
constexpr BoilerplatePhrase kAuthorBio[] = {
    {"about the author", kWholeLine}, {"about the authors", kWholeLine}, {"meet the author", kWholeLine},
    {"author bio", kWholeLine}, {"about the writer", kWholeLine},
};

#define PITH_TABLE(name, reason, ends, arr) {name, reason, ends, arr, sizeof(arr) / sizeof(arr[0])}

const std::vector<PhraseTable> kTables = {
    PITH_TABLE("comment_form", DropReason::kCommentForm, true, kCommentForm),
    PITH_TABLE("form_fields", DropReason::kCommentForm, false, kFormFields),
    PITH_TABLE("cookie_legal", DropReason::kCookieLegal, false, kCookieLegal),
    PITH_TABLE("copyright", DropReason::kCopyright, false, kCopyright),
    PITH_TABLE("subscribe", DropReason::kSubscribe, false, kSubscribe),
    PITH_TABLE("list_heading", DropReason::kListHeading, false, kListHeadings),
    PITH_TABLE("comments", DropReason::kComments, true, kComments),
    PITH_TABLE("comment_buttons", DropReason::kComments, false, kCommentButtons),
    PITH_TABLE("feedback", DropReason::kFeedback, false, kFeedback),
    PITH_TABLE("share", DropReason::kShare, false, kShare),
    PITH_TABLE("login", DropReason::kLogin, false, kLogin),
    PITH_TABLE("advertisement", DropReason::kAdvertisement, false, kAdvertisement),
    PITH_TABLE("call_to_action", DropReason::kCallToAction, false, kCallToAction),
    PITH_TABLE("navigation", DropReason::kNavigation, false, kNavigation),
    PITH_TABLE("caption", DropReason::kCaption, false, kCaption),
    PITH_TABLE("byline", DropReason::kByline, false, kByline),
    PITH_TABLE("author_bio", DropReason::kAuthorBio, false, kAuthorBio),
};

inline uint64_t mix(uint64_t h, uint64_t w) {
  h ^= w + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h * 0xBF58476D1CE4E5B9ull;
}

// The prefixes of the phrases as a Bloom filter (Bloom 1970) of 16384 bits, two bits per key: 2 KB
// that stay in cache, where a table of the keys would take 32 KB. A false positive (about 3% at
// ~1,500 prefixes) only costs a probe of the phrase table.
struct PrefixFilter {
  std::array<uint64_t, 256> bits{};
  static std::pair<uint32_t, uint32_t> positions(uint64_t key) {
    const uint64_t h = key * 0x9E3779B97F4A7C15ull;
    return {static_cast<uint32_t>(h >> 50), static_cast<uint32_t>((h >> 36) & 16383)};
  }
  void add(uint64_t key) {
    auto [a, b] = positions(key);
    bits[a >> 6] |= 1ull << (a & 63);
    bits[b >> 6] |= 1ull << (b & 63);
  }
  bool has(uint64_t key) const {
    auto [a, b] = positions(key);
    return ((bits[a >> 6] >> (a & 63)) & (bits[b >> 6] >> (b & 63)) & 1) != 0;
  }
};

// Open-addressing map from a phrase's hash to its entry; and the set of first words.
struct Matcher {
  struct Entry {
    uint64_t key = 0;
    uint16_t table = 0;
    uint16_t index = 0;
    PhraseScope scope = kWholeLine;  // a copy: matching need not touch the phrase arrays
  };
  static constexpr size_t kSlots = 2048;  // ~700 phrases, short probe chains
  // A phrase key ends in a multiply, whose low bits are weak: the slot comes from the high bits
  // of a second multiply (Fibonacci hashing), or the probe chains grow long.
  static size_t slot_of(uint64_t key) {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - std::countr_zero(kSlots)));
  }
  std::vector<Entry> entries = std::vector<Entry>(kSlots);
  // The keys of every prefix of a phrase ("you", "you may", "you may also"): a line's words
  // stop being tried as soon as they leave every phrase. And the first words of the phrases that
  // may stand anywhere: only those can start past the start of the line.
  PrefixFilter prefixes;
  CuckooSet<256> first_anywhere;  // of word hashes, which are well mixed
  CuckooSet<64> digit_words;  // hashes of "0", "00", ... (16 of them): numbers around a phrase
  size_t max_words = 1;

  Matcher() {
    std::string zeros;
    for (int d = 0; d < 16; ++d) {
      zeros.push_back('0');
      digit_words.add(word_hash(zeros));
    }
    std::vector<uint64_t> hs;
    LineFeatures f;
    for (size_t t = 0; t < kTables.size(); ++t) {
      for (size_t i = 0; i < kTables[t].count; ++i) {
        line_features(kTables[t].phrases[i].phrase, f, &hs);
        if (hs.empty()) continue;
        max_words = std::max(max_words, hs.size());
        uint64_t h = 0;
        for (uint64_t w : hs) {
          h = mix(h, w);
          prefixes.add(h | 1);
        }
        h |= 1;
        // Keep the first entry for a key per scope-compatible table order (priority order).
        bool placed = false;
        for (size_t s = slot_of(h); !placed; s = (s + 1) & (kSlots - 1)) {
          if (entries[s].key == 0) {
            entries[s] = Entry{h, static_cast<uint16_t>(t), static_cast<uint16_t>(i), kTables[t].phrases[i].scope};
            placed = true;
          } else if (entries[s].key == h && entries[s].table == t &&
                     kTables[t].phrases[entries[s].index].scope == kTables[t].phrases[i].scope) {
            placed = true;  // the same phrase twice in one table
          }
        }
        if (kTables[t].phrases[i].scope == kAnywhere) first_anywhere.add(hs[0]);
      }
    }
  }
  bool is_digits(uint64_t h) const { return digit_words.has(h); }
};

const Matcher& matcher() {
  static const Matcher m;
  return m;
}

}  // namespace

std::string_view drop_reason_name(DropReason r) {
  switch (r) {
    case DropReason::kNone: return "none";
    case DropReason::kTitle: return "title";
    case DropReason::kDateLine: return "date_line";
    case DropReason::kByline: return "byline";
    case DropReason::kWidget: return "widget";
    case DropReason::kNavigation: return "navigation";
    case DropReason::kListHeading: return "list_heading";
    case DropReason::kCallToAction: return "call_to_action";
    case DropReason::kCommentForm: return "comment_form";
    case DropReason::kComments: return "comments";
    case DropReason::kFeedback: return "feedback";
    case DropReason::kAuthorBio: return "author_bio";
    case DropReason::kShare: return "share";
    case DropReason::kSubscribe: return "subscribe";
    case DropReason::kLogin: return "login";
    case DropReason::kCookieLegal: return "cookie_legal";
    case DropReason::kCopyright: return "copyright";
    case DropReason::kAdvertisement: return "advertisement";
    case DropReason::kCaption: return "caption";
    case DropReason::kRepeatedInPage: return "repeated_in_page";
    case DropReason::kRepeatedAcrossPages: return "repeated_across_pages";
    case DropReason::kOutsideArticle: return "outside_article";
    case DropReason::kOverlongLine: return "overlong_line";
    case DropReason::kNoLetters: return "no_letters";
    case DropReason::kTooLittleText: return "too_little_text";
    case DropReason::kCount: break;
  }
  return "unknown";
}

const std::vector<PhraseTable>& boilerplate_tables() { return kTables; }

PhraseHit match_boilerplate(const std::vector<uint64_t>& hs, uint32_t words) {
  const Matcher& m = matcher();
  PhraseHit best;
  size_t best_table = SIZE_MAX, best_len = 0;
  const size_t n = hs.size();
  size_t lead = 0;  // leading number words ("12 Comments")
  while (lead < n && m.is_digits(hs[lead])) ++lead;
  size_t tail = n;  // trailing number words ("Comments (12)"): hs[tail, n) are all numbers
  while (tail > 0 && m.is_digits(hs[tail - 1])) --tail;
  // A line over kMaxAnywhereLineWords words is matched anywhere only when it holds
  // kMinPhrasesOfLongChromeLine phrases: a footer of legal links glued into one line.
  PhraseHit long_line_hit;
  size_t long_line_table = SIZE_MAX, long_line_phrases = 0;
  const BoilerplatePhrase* last_long_line_phrase = nullptr;
  for (size_t j = 0; j < n; ++j) {
    // Past the leading numbers only a phrase that may stand anywhere can match.
    if (j > lead && !m.first_anywhere.has(hs[j])) continue;
    uint64_t h = 0;
    for (size_t k = j; k < n && k - j < m.max_words; ++k) {
      h = mix(h, hs[k]);
      uint64_t key = h | 1;
      if (!m.prefixes.has(key)) break;
      for (size_t s = Matcher::slot_of(key); m.entries[s].key != 0; s = (s + 1) & (Matcher::kSlots - 1)) {
        const auto& e = m.entries[s];
        if (e.key != key) continue;
        bool at_start = j <= lead;
        bool ok = false;
        if (e.scope == kWholeLine) {
          ok = at_start && words == n && k + 1 >= tail;
        } else if (e.scope == kLineStart) {
          ok = at_start && words <= kMaxStartLineWords;
        } else if (e.scope == kHeading) {
          ok = at_start && words <= kMaxHeadingWords;
        } else {
          ok = words <= kMaxAnywhereLineWords;
          if (!ok && words <= kMaxLongChromeLineWords) {
            const PhraseTable& t = kTables[e.table];
            const BoilerplatePhrase* p = &t.phrases[e.index];
            if (p != last_long_line_phrase) ++long_line_phrases;
            last_long_line_phrase = p;
            if (e.table < long_line_table) {
              long_line_table = e.table;
              long_line_hit = PhraseHit{t.reason, e.scope, p->phrase, t.ends_article};
            }
          }
        }
        if (!ok) continue;
        size_t len = k - j + 1;
        if (e.table < best_table || (e.table == best_table && len > best_len)) {
          const PhraseTable& t = kTables[e.table];
          best_table = e.table;
          best_len = len;
          best = PhraseHit{t.reason, e.scope, t.phrases[e.index].phrase, t.ends_article};
        }
      }
    }
  }
  if (!best && long_line_phrases >= kMinPhrasesOfLongChromeLine) return long_line_hit;
  return best;
}

}  // namespace pith
