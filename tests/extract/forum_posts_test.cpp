// Forum threads (content.cpp widen_to_posts): selection on small pages through ContentSelector
// with the hints a forum page gets.
#include <gtest/gtest.h>

#include <string>

#include "extract/content.h"
#include "extract/rules.h"
#include "selection.h"

namespace pith {
namespace {

using testing::select_text;

// A thread of three posts built alike; the replies carry their posters' profile links and
// badges, so the first post outweighs each of them and the selection ends inside it.
std::string thread() {
  std::string posts;
  const char* bodies[] = {
      "The upgrade to version 4 fails on my server with a permission error in the cache folder, although "
      "the folder belongs to the web user and I cleared it twice before running the installer again.",
      "Check that the cache folder is not mounted read-only.",
      "That was it, thanks."};
  const char* users[] = {"alice", "bob", "carol"};
  for (int i = 0; i < 3; ++i) {
    posts += "<li class=\"post" + std::string(i == 0 ? " post-first" : "") + "\" id=\"post-" + std::to_string(100 + i) +
             "\"><div class=\"post-side\"><a href=\"/u/" + users[i] + "\">" + users[i] +
             "</a> <a href=\"/badges\">Member</a> <a href=\"/u/" + users[i] + "/posts\">120 posts</a></div>" +
             "<div class=\"post-body\"><p>" + bodies[i] + "</p></div></li>";
  }
  return "<html><body><nav><a href=\"/\">Home</a> <a href=\"/forum\">Forum</a></nav><div class=\"page\"><ul "
         "class=\"posts\">" +
         posts + "</ul></div><footer><a href=\"/about\">About</a></footer></body></html>";
}

TEST(ForumPosts, ThreadKeepsEveryPost) {
  SelectionHints forum;
  forum.widen_to_posts = true;
  std::string s = select_text(thread(), forum);
  EXPECT_NE(s.find("The upgrade to version 4"), std::string::npos) << s;
  EXPECT_NE(s.find("mounted read-only"), std::string::npos) << s;
  EXPECT_NE(s.find("That was it"), std::string::npos) << s;
  EXPECT_EQ(s.find("About"), std::string::npos) << s;
  // Without the hint (an article), the first post alone is the content.
  std::string a = select_text(thread(), {});
  EXPECT_EQ(a.find("mounted read-only"), std::string::npos) << a;
}

TEST(ForumPosts, LayoutColumnsAreNoThread) {
  // Two columns share a class, but the one beside the content is a list of links.
  std::string html =
      "<html><body><div class=\"col\"><p>The upgrade to version 4 fails on my server with a permission error in "
      "the cache folder, although the folder belongs to the web user.</p></div><div class=\"col\"><a href=\"/a\">"
      "Latest topics here</a> <a href=\"/b\">Popular topics here</a> <a href=\"/c\">Unanswered topics</a></div>"
      "</body></html>";
  SelectionHints forum;
  forum.widen_to_posts = true;
  std::string s = select_text(html, forum);
  EXPECT_EQ(s.find("Latest topics"), std::string::npos) << s;
}

SelectionHints forum_hints() { return hints_for_page_type("forum"); }

// A question, then its answers in a section a class calls "comments" (careercup, WordPress
// forums): on a forum page the section is the thread's replies, and the thread takes in the
// question before it.
TEST(ForumPosts, CommentSectionIsTheRepliesOnAForum) {
  const std::string html =
      "<html><body><nav><a href=\"/\">Home</a></nav><div id=\"main\"><div class=\"question\"><p>Lets say A is a "
      "friend of B and B is a friend of C, then A and C are friends of the second degree. How would you write "
      "a function that tells whether two people are friends of the second degree, and how fast is it?</p></div>"
      "<div class=\"comments\"><div class=\"comment\"><a href=\"/u/1\">gaurav</a><p>Sort the friends of both "
      "and intersect the two lists in linear time.</p></div><div class=\"comment\"><a href=\"/u/2\">usafzz</a>"
      "<p>A hash set of the first list answers each look-up in constant time.</p></div></div></div>"
      "<footer><a href=\"/about\">About</a></footer></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("Lets say A"), std::string::npos) << s;
  EXPECT_NE(s.find("intersect the two lists"), std::string::npos) << s;
  EXPECT_NE(s.find("hash set"), std::string::npos) << s;
  // On an article, the comment section is no main text.
  std::string a = select_text(html, {});
  EXPECT_EQ(a.find("hash set"), std::string::npos) << a;
}

// A Q&A page marked with schema.org microdata: the question and the answers are no siblings
// (the answers sit in a list of their own), each answer carries its remarks in a "comments"
// block, and its poster's card of links makes it weigh less than nothing. The thread is the
// question with its answers; the remarks on an answer stay out.
TEST(ForumPosts, SchemaQuestionAndAnswersAreTheThread) {
  auto answer = [](const std::string& body, const std::string& remark) {
    return "<div class=\"answer\" itemprop=\"suggestedAnswer\" itemscope itemtype=\"https://schema.org/Answer\">"
           "<div class=\"votes\"><a href=\"/up\">Up</a> <a href=\"/down\">Down</a></div><div class=\"user\"><a "
           "href=\"/u\">answered by a member of this site</a> <a href=\"/r\">12.3k reputation points</a> <a "
           "href=\"/b\">7 gold badges and 50 silver badges</a></div><div itemprop=\"text\"><p>" +
           body + "</p></div><div class=\"comments\"><ul><li>" + remark + "</li></ul></div></div>";
  };
  const std::string html =
      "<html><body><div id=\"mainbar\"><div class=\"question\" itemprop=\"mainEntity\" itemscope "
      "itemtype=\"https://schema.org/Question\"><div itemprop=\"text\"><p>Whenever a thread turns to mirrored disks "
      "and backups, somebody says that a mirror is no backup. For a stripe set I can see it, but "
      "what separates keeping two disks in step from keeping a copy of them?</p></div></div>"
      "<div id=\"answers\"><h2>2 Answers</h2>" +
      answer("A mirror survives a dead disk; a copy on another shelf survives the rest.",
             "Will a backup refuse to copy a corrupt file, then?") +
      answer("Redundancy keeps the disks running; a backup lets you go back in time.",
             "Thanks, that is the shortest way to put it.") +
      "</div></div><div class=\"sidebar\"><a href=\"/q/1\">Related question one</a></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("turns to mirrored disks"), std::string::npos) << s;
  EXPECT_NE(s.find("survives a dead disk"), std::string::npos) << s;
  EXPECT_NE(s.find("go back in time"), std::string::npos) << s;
  EXPECT_EQ(s.find("corrupt file"), std::string::npos) << s;
  EXPECT_EQ(s.find("Related question"), std::string::npos) << s;
}

// The same page where the question's microdata scope holds its answers (itemprop
// acceptedAnswer inside the itemtype Question element, which also holds the question's header
// line and a footer of links): one marked item, no siblings. The thread is the lowest element
// around the question's text and the answers, not the whole item.
TEST(ForumPosts, SchemaQuestionHoldingItsAnswersIsTheThread) {
  const std::string html =
      "<html><body><div id=\"board\" itemprop=\"mainEntity\" itemscope itemtype=\"https://schema.org/Question\">"
      "<div class=\"q-head\"><h1 itemprop=\"name\">Mirror or copy</h1><span>Opened 3 winters ago, looked at 90 "
      "times</span></div><div id=\"column\"><div class=\"ask\"><div class=\"ask-body\" itemprop=\"text\"><p>Whenever "
      "a thread turns to mirrored disks and backups, somebody says that a mirror is no backup. For a stripe set "
      "I can see it, but what separates keeping two disks in step from keeping a copy of them on a shelf?</p>"
      "</div><div class=\"who\"><a href=\"/u/7\">asked by ferngully</a> <a href=\"/b\">4 bronze badges</a></div>"
      "</div><div id=\"replies\"><h2>1 Answer</h2><div class=\"reply\" itemprop=\"acceptedAnswer\" itemscope "
      "itemtype=\"https://schema.org/Answer\"><div class=\"who\"><a href=\"/u/8\">answered by quillon</a> <a "
      "href=\"/r\">12.3k reputation points</a> <a href=\"/b\">7 gold badges and 50 silver badges</a> <a "
      "href=\"/s\">share</a> <a href=\"/f\">follow</a></div><div itemprop=\"text\"><p>A mirror survives a dead "
      "disk; a copy survives the rest.</p></div></div></div></div><div class=\"q-foot\"><a href=\"/t/1\">Browse "
      "more questions tagged disks</a> <a href=\"/ask\">ask your own question</a></div></div>"
      "<div class=\"sidebar\"><a href=\"/q/1\">Related question one</a></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("turns to mirrored disks"), std::string::npos) << s;
  EXPECT_NE(s.find("survives a dead disk"), std::string::npos) << s;
  EXPECT_EQ(s.find("Browse more questions"), std::string::npos) << s;
  EXPECT_EQ(s.find("looked at 90"), std::string::npos) << s;
}

// Replies nested in replies (a Hacker-News-like tree) repeat the post's signature at every
// level; a long nested reply weighs most, and its one sibling is mostly its poster's link (no
// thread at that level). The thread is the outermost list of such posts.
TEST(ForumPosts, NestedRepliesWidenToTheOutermostList) {
  auto reply = [](const std::string& user, const std::string& text, const std::string& children) {
    return "<div class=\"comment\"><span class=\"small\"><a href=\"/u/" + user + "\">" + user +
           "</a> - 2 years ago | <a href=\"#\">thread</a></span><div><p>" + text + "</p>" + children + "</div></div>";
  };
  const std::string deep = reply(
      "carol",
      "I was originally going to call it after the words aggregator and Python, but that name was taken by "
      "another project, and the next one I liked was taken by a domain seller, so I settled on this one.",
      "");
  const std::string html =
      "<html><body><main><h1>A minimal forum</h1><p>A forum board that is quick to set up and needs little "
      "care.</p>" +
      reply("alice", "Why is it called that?",
            reply("bob", "I wondered too.", deep + reply("a-member-with-a-very-long-user-name", "yo", ""))) +
      reply("dave", "Great work, thanks for making it open source.", "") +
      reply("erin", "Now I need a port of this to another language.", "") + "</main></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("settled on this one"), std::string::npos) << s;
  EXPECT_NE(s.find("Why is it called"), std::string::npos) << s;
  EXPECT_NE(s.find("Great work"), std::string::npos) << s;
  EXPECT_NE(s.find("another language"), std::string::npos) << s;
}

// Replies built unlike the first post (hashed class names, a bare <div> of replies): no
// look-alike posts, and a long first post outweighs the short replies with their posters'
// links, so the selection ends in it. The thread is what holds the post and, beside it, prose
// rather than links; the column of links beside the thread stays out.
TEST(ForumPosts, RepliesBuiltUnlikeThePostAreTakenIn) {
  std::string post;
  for (int i = 0; i < 8; ++i)
    post += "<p>I am having trouble with threading the bobbin. I have two spools on my machine, and I have tried "
            "placing the thread on both pins, but the needle still skips stitches after I rethread it.</p>";
  auto reply = [](const std::string& user, const std::string& text) {
    return "<div><a href=\"/u/" + user + "\">" + user + "</a> <span>Mar 3 2023</span> <a href=\"#r\">Reply</a> "
           "<a href=\"#q\">Quote</a><p>" + text + "</p></div>";
  };
  const std::string html =
      "<html><body><div class=\"css-1x\"><div class=\"css-2a\"><div class=\"css-3q\"><h1>Needle skips stitches</h1>" +
      post + "</div><div>" +
      reply("Tess", "Did you not forget to raise the presser foot while threading? The tension discs only "
                    "catch the thread when it is up.") +
      reply("Ravi", "On older models the bobbin case goes in with the tail pointing left, as the manual "
                    "shows on its threading page.") +
      "</div></div><div class=\"css-9z\"><a href=\"/t/1\">Sewing</a> <a href=\"/t/2\">beginner</a> <a "
      "href=\"/t/3\">advanced</a> <a href=\"/t/4\">bugs</a> <a href=\"/t/5\">resolved</a></div></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("trouble with threading"), std::string::npos) << s;
  EXPECT_NE(s.find("forget to raise the presser"), std::string::npos) << s;
  EXPECT_NE(s.find("bobbin case goes in"), std::string::npos) << s;
  EXPECT_EQ(s.find("beginner"), std::string::npos) << s;
}

// The same, with the first post's poster and date line between its text and the replies: the
// header adds a line and no prose, and the replies come one level further up. The climb passes
// the header and takes in the replies; the tag links beside the thread stay out.
TEST(ForumPosts, PostHeaderDoesNotStopTheClimbToTheReplies) {
  const std::string body =
      "<p>The upgrade to version 4 fails on my server with a permission error in the cache folder, although the "
      "folder belongs to the web user and I cleared it twice before trying again.</p><p>The log says the "
      "installer could not rename the old configuration file, and after that every page shows a blank screen "
      "until I restore the backup from the night before.</p><p>I run the board on a rented machine with the "
      "stable branch of the database and the web server that came with the system, nothing built by hand.</p>"
      "<p>Before the upgrade I switched the board off, made a copy of the files and of the database, and checked "
      "that the disk had room for both of them.</p><p>The same upgrade worked on a copy of the board on my laptop "
      "last week, so I think it is something about the server rather than the board itself.</p><p>Does anyone "
      "know what the installer needs from the cache folder, and why it would rename a file there at all?</p>"
      "<p>I also tried the command line installer with the verbose switch, and it stops at the same step with "
      "the same message, after it has copied the new files but before it touches the database.</p><p>The "
      "permissions on the folder are the usual ones, read and write for the owner and read for the group, and "
      "the owner is the account the web server runs as.</p>";
  auto header = [](const std::string& user, const std::string& date) {
    return "<div class=\"css-7h\"><a href=\"/u/" + user + "\">" + user + "</a><span>" + date + "</span></div>";
  };
  auto reply = [&](const std::string& user, const std::string& text) {
    return "<li class=\"css-4r\"><div>" + header(user, "Mar 3 2023 | 10:05 am") + "<div class=\"css-5b\"><p>" +
           text + "</p></div></div><a href=\"/u/" + user + "/posts\">120 posts</a></li>";
  };
  const std::string html =
      "<html><body><div class=\"css-1x\"><h1>Upgrade fails</h1><div class=\"css-9z\"><a href=\"/t/1\">"
      "install</a> <a href=\"/t/2\">beginner</a> <a href=\"/t/3\">resolved</a></div><div class=\"css-2a\">"
      "<div class=\"css-3q\"><div>" + header("alice", "Mar 3 2023 | 9:41 am") + "<div class=\"css-6c\">" + body +
      "</div></div></div><ul class=\"css-8l\">" +
      reply("bob", "Check that the cache folder is not mounted read-only; the installer cannot write anything there then, whoever owns it.") +
      reply("carol", "Same here, the web user needed to create folders.") +
      "</ul></div></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("The upgrade to version 4"), std::string::npos) << s;
  EXPECT_NE(s.find("alice"), std::string::npos) << s;
  EXPECT_NE(s.find("mounted read-only"), std::string::npos) << s;
  EXPECT_NE(s.find("create folders"), std::string::npos) << s;
  EXPECT_EQ(s.find("beginner"), std::string::npos) << s;
}

// Replies that look like a list of cards: each opens with its poster's link, and the poster's
// box (profile, post count, rank) is links, so the list is as linky as a list of other threads.
// On a forum a reply carries its message, a paragraph of prose: the list is the thread's
// replies, not a teaser list. A list of other threads (a title and a line each) still goes.
TEST(ForumPosts, RepliesThatLookLikeCardsAreKept) {
  auto reply = [](const std::string& user, const std::string& text) {
    return "<div class=\"reply\"><a href=\"/u/" + user + "\">" + user + "</a> <a href=\"/u/" + user +
           "/posts\">1,204 posts</a> <a href=\"/rank/3\">Senior member</a> <a href=\"/u/" + user + "/about\">Joined 2019</a><p>" + text + "</p></div>";
  };
  auto other = [](const std::string& title, const std::string& line) {
    return "<div class=\"item\"><a href=\"/t/" + title + "\">" + title + "</a> <span>" + line + "</span></div>";
  };
  const std::string html =
      "<html><body><div id=\"thread\"><div class=\"first\"><p>The upgrade to version 4 fails on my server with "
      "a permission error in the cache folder, although the folder belongs to the web user and I cleared it twice "
      "before trying again.</p><p>The log says the installer could not rename the old configuration file, and "
      "after that every page shows a blank screen until I restore the backup from the night before.</p><p>I run "
      "the board on a rented machine with the stable branch of the database and the web server that came with "
      "the system, nothing built by hand.</p><p>The same upgrade worked on a copy of the board on my laptop last "
      "week, so I think it is something about the server rather than the board itself.</p></div>"
      "<div class=\"replies\">" +
      reply("bob", "Check that the cache folder is not mounted read-only; the installer cannot write anything "
                   "there then, whoever owns it.") +
      reply("carol", "Same here: the web user also needed the right to create folders in the parent folder of "
                     "the cache before it worked.") +
      reply("dave", "Look at the free space on the partition too, the installer unpacks everything there before "
                    "it moves a single file.") +
      "</div></div><div class=\"similar\">" + other("Upgrade-fails", "by erin, 12 replies") +
      other("Cache-folder", "by frank, 3 replies") + other("Installer-stops", "by gina, no replies") +
      "</div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("The upgrade to version 4"), std::string::npos) << s;
  EXPECT_NE(s.find("mounted read-only"), std::string::npos) << s;
  EXPECT_NE(s.find("create folders"), std::string::npos) << s;
  EXPECT_NE(s.find("free space"), std::string::npos) << s;
  EXPECT_EQ(s.find("by frank"), std::string::npos) << s;
}

// A forum thread carries each poster's signature under the post and a list of similar
// threads below it: neither is the thread. Stack Exchange's "post-signature" is the poster and
// date line of a post, which is.
TEST(ForumPosts, SignaturesAndSimilarThreadsStayOut) {
  auto post = [](const std::string& user, const std::string& text, const std::string& signature) {
    return "<div class=\"post\"><div class=\"author\">" + user + "</div><div class=\"content\"><p>" + text +
           "</p></div><div class=\"signature\">" + signature + "</div></div>";
  };
  const std::string html =
      "<html><body><div id=\"page\"><div class=\"topic\">" +
      post("alice",
           "The upgrade to version 4 fails on my server with a permission error in the cache folder, although the "
           "folder belongs to the web user and I cleared it twice before running the installer again.",
           "Running three boards on a rented machine since 2009, all of them on the stable branch.") +
      post("bob", "Check that the cache folder is not mounted read-only; that was it for me last spring.",
           "Keep calm and back up your database before every upgrade, twice if you can.") +
      "</div><h3>Similar threads</h3><ul><li><a href=\"/t/1\">Upgrade fails</a> started by carol in Installation "
      "and Upgrades, 12 replies, last post yesterday evening</li><li><a href=\"/t/2\">Cache folder</a> started by "
      "dave in Installation and Upgrades, 3 replies, last post on Monday morning</li><li><a href=\"/t/3\">Installer "
      "stops</a> started by erin in Installation and Upgrades, no replies yet, posted last week</li></ul></div>"
      "</body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("The upgrade to version 4"), std::string::npos) << s;
  EXPECT_NE(s.find("mounted read-only"), std::string::npos) << s;
  EXPECT_EQ(s.find("rented machine"), std::string::npos) << s;
  EXPECT_EQ(s.find("Keep calm"), std::string::npos) << s;
  EXPECT_EQ(s.find("Similar threads"), std::string::npos) << s;
  EXPECT_EQ(s.find("started by carol"), std::string::npos) << s;

  EXPECT_EQ(match_class("signature").rule, "class:signature");
  EXPECT_EQ(match_class("post-signature owner").rule, "");
}

// The two posts of the made-up thread that the board-chrome tests below wrap in each board's
// markup, and the thread's text through forum selection with both posts checked.
const std::string kFirstPost =
    "My tomato plants grow tall but give almost no fruit this year, although I water them every morning "
    "and the bed gets sun from noon until the evening.";
const std::string kReply = "Too much nitrogen makes leaves instead of flowers; switch to a feed richer in potash for a month.";

std::string plain_post(const std::string& user, const std::string& text) {
  return "<div class=\"post\"><div class=\"author\">" + user + "</div><div class=\"content\"><p>" + text +
         "</p></div></div>";
}

std::string thread_text(const std::string& html) {
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("My tomato plants"), std::string::npos) << s;
  EXPECT_NE(s.find("richer in potash"), std::string::npos) << s;
  return s;
}

// A board's notices above every thread (vBulletin's "notices" list, an announcement box, a
// bbPress "template-notice", phpBB's "notice" line under an edited post) are the board speaking,
// not the thread. A "feature-state-notice" inside documentation is not a whole-word notice.
TEST(ForumPosts, BoardNoticesStayOut) {
  const auto post = plain_post;
  const std::string html =
      "<html><body><div id=\"page\"><ul class=\"notices\"><li class=\"notice restore\">Welcome to the garden "
      "club board, where members trade seeds, advice and stories about their vegetable patches every week.</li>"
      "</ul><div class=\"alert alert-info\" id=\"announcement12\"><p>Version 7 of the board software is out now "
      "with a new editor, faster search and many fixes that the team collected over the whole summer.</p></div>"
      "<div class=\"topic\">" +
      post("alice", kFirstPost) +
      post("bob", kReply) +
      "<div class=\"notice\">Last changed by bob on Monday, changed twice in total.</div></div></div>"
      "</body></html>";
  const std::string s = thread_text(html);
  EXPECT_EQ(s.find("Welcome to the garden"), std::string::npos) << s;
  EXPECT_EQ(s.find("Version 7"), std::string::npos) << s;
  EXPECT_EQ(s.find("Last changed by"), std::string::npos) << s;

  EXPECT_EQ(match_class("bbp-template-notice info").rule, "class:notice");
  EXPECT_EQ(match_class("feature-state-notice").rule, "");
}

// A message the reader can close (Bootstrap's "alert-dismissible": the board's rules above the
// first post, an invitation for guests to sign up between the replies) is not the thread.
TEST(ForumPosts, DismissibleAlertsStayOut) {
  const auto post = plain_post;
  const std::string html =
      "<html><body><div id=\"page\"><div class=\"topic\"><div class=\"alert alert-info alert-dismissible fade "
      "show\">Questions must name the version of the planner you use. Add your settings file to each question so "
      "that helpers need not ask for it again and again.</div>" +
      post("alice", kFirstPost) +
      "<div class=\"alert alert-warning alert-dismissible guest-alert\">Hello there! Members see new replies first "
      "and can follow every thread they like; joining takes a minute and costs nothing at all.</div>" +
      post("bob", kReply) +
      "</div></div></body></html>";
  const std::string s = thread_text(html);
  EXPECT_EQ(s.find("Questions must name"), std::string::npos) << s;
  EXPECT_EQ(s.find("Members see new replies"), std::string::npos) << s;
}

// Invision Community marks what a quotation of a post leaves out with data-excludequote: the
// "Edited ... by ..." line under an edited post. It is the software's note, not the post.
TEST(ForumPosts, ExcludedFromQuotesStaysOut) {
  auto post = [](const std::string& user, const std::string& text, const std::string& note) {
    return "<article class=\"comment\"><div class=\"author\">" + user + "</div><div class=\"content\"><p>" +
           text + "</p>" + note + "</div></article>";
  };
  const std::string html =
      "<html><body><div id=\"page\"><div class=\"topic\">" +
      post("alice", kFirstPost,
           "<span class=\"light\" data-excludequote><strong>Changed on Monday by alice</strong></span>") +
      post("bob", kReply, "") +
      "</div></div></body></html>";
  const std::string s = thread_text(html);
  EXPECT_EQ(s.find("Changed on Monday"), std::string::npos) << s;
}

// The poster's online state printed with each post ("Offline") is the board's, not the post's:
// FluxBB's "postfoot" line under the post, Simple:Press's "spPostUserStatus" box beside it.
// Their names hold "post", a content word, which must not save them.
TEST(ForumPosts, PosterOnlineStateStaysOut) {
  auto post = [](const std::string& user, const std::string& text, const std::string& state) {
    return "<div class=\"blockpost\"><div class=\"postleft\">" + user +
           "<div class=\"spPostUserStatus\">Away for now</div></div><div class=\"postright\"><p>" + text +
           "</p></div><div class=\"postfoot\"><p><span>" + state + "</span></p></div></div>";
  };
  const std::string html =
      "<html><body><div id=\"page\"><div class=\"topic\">" +
      post("alice", kFirstPost,
           "Sleeping") +
      post("bob", kReply,
           "Sleeping") +
      "</div></div></body></html>";
  const std::string s = thread_text(html);
  EXPECT_EQ(s.find("Sleeping"), std::string::npos) << s;
  EXPECT_EQ(s.find("Away for now"), std::string::npos) << s;
  EXPECT_EQ(match_class("status user-status").rule, "class:post-info");
}

// XenForo 1 lists the poster's standing under the name ("extraUserInfo": joined, messages, likes
// received, trophy points), as XenForo 2's "message-userExtras": the board's, not the post's.
TEST(ForumPosts, PosterStandingStaysOut) {
  auto post = [](const std::string& user, const std::string& text) {
    return "<li class=\"message\"><div class=\"messageUserInfo\">" + user +
           "<div class=\"extraUserInfo\"><dl><dt>Joined:</dt><dd>Spring</dd></dl><dl><dt>Garden beds "
           "owned:</dt><dd>Seven</dd></dl></div></div><div class=\"messageContent\"><p>" +
           text + "</p></div></li>";
  };
  const std::string html =
      "<html><body><div id=\"page\"><ol class=\"messageList\">" +
      post("alice", kFirstPost) +
      post("bob", kReply) +
      "</ol></div></body></html>";
  const std::string s = thread_text(html);
  EXPECT_EQ(s.find("Garden beds owned"), std::string::npos) << s;
}

// phpBB puts a link back to the top of the page after each post ("back2top"): navigation, not
// the thread.
TEST(ForumPosts, BackToTopLinksStayOut) {
  auto post = [](const std::string& user, const std::string& text) {
    return "<div class=\"post\"><div class=\"author\">" + user + "</div><div class=\"content\"><p>" + text +
           "</p></div><div class=\"back2top\"><a href=\"#wrap\" class=\"up\">Upward</a></div></div>";
  };
  const std::string html =
      "<html><body><div id=\"wrap\"><div class=\"topic\">" +
      post("alice", kFirstPost) +
      post("bob", kReply) +
      "</div></div></body></html>";
  const std::string s = thread_text(html);
  EXPECT_EQ(s.find("Upward"), std::string::npos) << s;
  EXPECT_EQ(match_class("btn back-to-top").rule, "class:nav");
}

// vBulletin 4 lists the poster's standing under the name ("userstats"); some boards name a
// post's row of thank, quote and report buttons a list of actions ("actionList"). Neither is
// the post; a "transactionlist" is no such list.
TEST(ForumPosts, PosterStatsAndActionListsStayOut) {
  auto post = [](const std::string& user, const std::string& text) {
    return "<div class=\"postbit\"><div class=\"userinfo\">" + user +
           "<dl class=\"userstats\"><dt>Garden beds owned</dt><dd>Seven</dd></dl></div><div "
           "class=\"postcontent\"><p>" +
           text + "</p></div><ul class=\"Board-actionList\"><li>Grateful</li><li>Answer this</li></ul></div>";
  };
  const std::string html =
      "<html><body><div id=\"page\"><div class=\"posts\">" +
      post("alice", kFirstPost) +
      post("bob", kReply) +
      "</div></div></body></html>";
  const std::string s = thread_text(html);
  EXPECT_EQ(s.find("Garden beds owned"), std::string::npos) << s;
  EXPECT_EQ(s.find("Answer this"), std::string::npos) << s;
  EXPECT_EQ(match_class("transactionlist").rule, "");
}

// A letter avatar is the poster's initials drawn as a picture (role="img" with the name as its
// aria-label, XenForo's default avatar): not text. An emoji drawn with role="img" stays.
TEST(ForumPosts, LetterAvatarsStayOut) {
  auto post = [](const std::string& user, const std::string& initials, const std::string& text) {
    return "<div class=\"post\"><div class=\"author\"><span class=\"avatar-u1-m\" role=\"img\" aria-label=\"" + user +
           "\">" + initials + "</span> <a href=\"/u/" + user + "\">" + user + "</a></div><div class=\"content\"><p>" +
           text + "</p></div></div>";
  };
  const std::string html =
      "<html><body><div id=\"page\"><div class=\"topic\">" +
      post("alice", "QZ",
           "My tomato plants grow tall but give almost no fruit this year, although I water them every morning "
           "and the bed gets sun from noon until the evening <span role=\"img\" aria-label=\"sad\">\xF0\x9F\x98\x9E</span>") +
      post("bob", "XW", kReply) +
      "</div></div></body></html>";
  const std::string s = thread_text(html);
  EXPECT_NE(s.find("\xF0\x9F\x98\x9E"), std::string::npos) << s;
  EXPECT_EQ(s.find("QZ"), std::string::npos) << s;
  EXPECT_EQ(s.find("XW"), std::string::npos) << s;
}

// wpForo prints each post's Quote, Reply and Report buttons in "wpforo-action-buttons-wrap":
// controls, not the post.
TEST(ForumPosts, ActionButtonsStayOut) {
  auto post = [](const std::string& user, const std::string& text) {
    return "<div class=\"wpforo-post\"><div class=\"author\">" + user + "</div><div class=\"content\"><p>" + text +
           "</p></div><div class=\"bottom\"><span class=\"forum-action-buttons-wrap\"><span>Cite it</span> "
           "<span>Answer it</span></span></div></div>";
  };
  const std::string html =
      "<html><body><div id=\"page\"><div class=\"topic\">" +
      post("alice", kFirstPost) +
      post("bob", kReply) +
      "</div></div></body></html>";
  const std::string s = thread_text(html);
  EXPECT_EQ(s.find("Cite it"), std::string::npos) << s;
}

// A reply that quotes the post it answers: Discourse prints the quotation as an <aside> around a
// <blockquote> under the quoted poster's name. On a forum page it is part of the reply.
TEST(ForumPosts, QuotedPostInAnAsideIsPartOfTheReply) {
  std::string posts;
  const char* bodies[] = {
      "<p>The upgrade to version 4 fails on my server with a permission error in the cache folder, although the "
      "folder belongs to the web user and I cleared it twice before running the installer again.</p>",
      "<aside class=\"quote\" data-username=\"alice\"><div class=\"title\">alice:</div><blockquote><p>Its owner "
      "is the web user, and the installer runs as that user too.</p></blockquote></aside><p>Clearing it is not enough: check "
      "that the cache folder is not mounted read-only by the container.</p>",
      "<p>That was it, the volume was mounted read-only. Thanks for the hint about the container.</p>"};
  const char* users[] = {"alice", "bob", "carol"};
  for (int i = 0; i < 3; ++i)
    posts += "<div class=\"topic-post\"><div class=\"names\"><a href=\"/u/" + std::string(users[i]) + "\">" +
             users[i] + "</a></div><div class=\"cooked\">" + bodies[i] + "</div></div>";
  const std::string html = "<html><body><nav><a href=\"/\">Home</a></nav><div class=\"thread\">" + posts +
                           "</div><footer><a href=\"/about\">About</a></footer></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("the installer runs as that user too"), std::string::npos) << s;
  EXPECT_NE(s.find("Clearing it is not enough"), std::string::npos) << s;
}

// FluxBB builds each post of two look-alike parts ("inbox": the text, then a footer with the
// poster's "Offline"); the posts themselves are the look-alikes one level up ("blockpost"). The
// parts beside the text hold no prose, so they are one post's parts, not the thread.
TEST(ForumPosts, PartsOfOnePostAreNoThread) {
  const char* bodies[] = {
      "Why did the backup grow so much this month? See <a href=\"https://example.org/notes/\">"
      "https://example.org/notes/</a>",
      "The photo app started to keep a second copy of every edited picture, so the originals and the edits "
      "are both in the backup now; the rest of the growth is the videos from the holidays, as it is at "
      "this time every year."};
  std::string posts;
  for (int i = 0; i < 2; ++i)
    posts += "<div id=\"p" + std::to_string(i) + "\" class=\"blockpost row" + (i == 0 ? "odd" : "even") +
             "\"><h2><a href=\"#p" + std::to_string(i) + "\">2025-11-0" + std::to_string(i + 1) +
             "</a></h2><div class=\"box\"><div class=\"inbox\"><div class=\"postbody\"><div "
             "class=\"postleft\"><dl><dt><strong>user" +
             std::to_string(i) + "</strong></dt></dl></div><div class=\"postright\"><div class=\"postmsg\"><p>" +
             bodies[i] + "</p></div></div></div></div><div class=\"inbox\"><div class=\"postfoot\"><p><span>"
             "Offline</span></p></div></div></div></div>";
  const std::string html = "<html><body><div id=\"brdheader\"><a href=\"/\">Index</a></div><div id=\"brdmain\">" +
                           posts +
                           "<div class=\"postlinksb\"><a href=\"/index\">Index</a> &raquo; <a href=\"/forum/1\">"
                           "Discussion</a> &raquo; <a href=\"/topic/9\">Why the backup grew</a></div></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("Why did the backup grow"), std::string::npos) << s;
  EXPECT_NE(s.find("The photo app started"), std::string::npos) << s;
}

// A short reply that quotes the post it answers (XenForo): the quotation's link to the quoted
// poster ("alice said:"), the date and permalink make most of the reply's text links; it is no
// link list to prune, and neither is the quotation.
TEST(ForumPosts, ShortReplyWithAQuotationIsKept) {
  auto post = [](int n, const std::string& user, const std::string& body) {
    return "<article class=\"message\" id=\"post-" + std::to_string(n) +
           "\"><div class=\"message-cell message-cell--user\"><a href=\"/members/" + user + "\">" + user +
           "</a></div><div class=\"message-cell message-cell--main\"><ul class=\"message-attribution\"><li><a "
           "href=\"/posts/" +
           std::to_string(n) + "\">Jul 19, 2024</a></li><li><a href=\"/posts/" + std::to_string(n) + "\">#" +
           std::to_string(n) + "</a></li></ul><div class=\"message-body\">" + body + "</div></div></article>";
  };
  const std::string html =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/forums\">Forums</a></nav><div class=\"block-body\">" +
      post(1, "alice",
           "<p>The first clubs have already posted their autumn fixtures, so I thought we could start a thread "
           "for them. Good luck to every team, and please post your match days here.</p>") +
      post(2, "bob",
           "<blockquote class=\"bbCodeBlock--quote\"><div class=\"bbCodeBlock-title\"><a href=\"/goto/1\">alice "
           "said:</a></div><div>Rovers - 9/14</div></blockquote>Congrats!") +
      post(3, "carol",
           "<p>Thanks! I was surprised that there were evening matches this season, I had not expected that "
           "after the last two years of afternoon games.</p>") +
      "</div><footer><a href=\"/about\">About</a></footer></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("Rovers - 9/14"), std::string::npos) << s;
  EXPECT_NE(s.find("Congrats!"), std::string::npos) << s;
  EXPECT_NE(s.find("evening matches"), std::string::npos) << s;
}

// Old Reddit prints each comment inside the form that would edit it: a hidden input naming the
// comment, then the text. Such a form asks nothing of the reader; the reply box (a textarea and
// a button) is still a form to drop.
TEST(ForumPosts, CommentTextInsideAFormWithoutControlsIsKept) {
  auto comment = [](const std::string& id, const std::string& user, const std::string& text) {
    return "<div class=\"thing comment\" id=\"" + id + "\"><p class=\"tagline\"><a href=\"/user/" + user +
           "\">" + user + "</a> 12 points 3 hours ago</p><form action=\"#\" class=\"usertext\"><input "
           "type=\"hidden\" name=\"thing_id\" value=\"" +
           id + "\"><div class=\"md\"><p>" + text + "</p></div></form><ul class=\"buttons\"><li><a href=\"/p/" +
           id + "\">permalink</a></li></ul></div>";
  };
  const std::string html =
      "<html><body><div id=\"header\"><a href=\"/\">reddit</a></div><div class=\"content\"><div "
      "class=\"sitetable nestedlisting\">" +
      comment("t1_a", "ragnar",
              "Could this also help people with hay fever if the pollen count can be told a week ahead? That "
              "would change the spring for a lot of people I know.") +
      comment("t1_b", "baron",
              "I look forward to a spring when I can open the windows without sneezing all morning once the "
              "trees bloom.") +
      comment("t1_c", "rich", "Thankfully, the tablets work for me as long as I remember to take them early.") +
      "</div><form class=\"cloneable\"><textarea name=\"text\"></textarea><button "
      "type=\"submit\">save</button><span>formatting help</span></form></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("help people with hay fever"), std::string::npos) << s;
  EXPECT_NE(s.find("I look forward to a spring"), std::string::npos) << s;
  EXPECT_NE(s.find("Thankfully"), std::string::npos) << s;
  EXPECT_EQ(s.find("formatting help"), std::string::npos) << s;
}

// vBulletin 5 lays its pages out in "canvas-widget-list" wrappers: the thread sits in one. On a
// forum page a wrapper that holds the posts schema.org marks is the thread's place, whatever its
// class says.
TEST(ForumPosts, WidgetWrapperHoldingMarkedPostsIsKept) {
  const std::string html =
      "<html><body><ul class=\"notices\"><li><p>Greetings, and welcome to the board! The board is the place to "
      "discuss the pressing issues of our time, with members from many backgrounds. Registration is fast, simple "
      "and free, so why not register an account and join our community today?</p></li></ul>"
      "<div class=\"canvas-widget-list section-2\"><p>No announcement yet.</p></div>"
      "<div class=\"canvas-widget-list section-0\"><ul class=\"conversation-list\">"
      "<li class=\"b-post\" itemscope itemtype=\"http://schema.org/DiscussionForumPosting\"><a "
      "href=\"/u/pat\">pat_lee</a><div itemprop=\"text\"><p>Could a moderator please fix the spelling in this "
      "thread's title? I cannot seem to change one of the words myself, the edit form does not offer the title.</p>"
      "</div></li><li class=\"b-post\" itemscope itemtype=\"http://schema.org/Comment\"><a "
      "href=\"/u/mod\">Moderator</a><div itemprop=\"text\"><p>No problem, the title is fixed now; the edit form "
      "only offers it to the thread's starter within the first day.</p></div></li></ul></div>"
      "<div id=\"footer\"><a href=\"/help\">Help</a> <a href=\"/contact\">Contact Us</a></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("Could a moderator please fix"), std::string::npos) << s;
  EXPECT_NE(s.find("the title is fixed now"), std::string::npos) << s;
}

// A topic of one short line (no paragraph's worth of prose) before its replies, which sit in a
// section a class calls "comments": the thread still takes in the topic.
TEST(ForumPosts, ShortTopicBeforeItsRepliesIsTakenIn) {
  auto reply = [](const std::string& user, const std::string& text) {
    return "<div class=\"comment\"><a href=\"/u/" + user + "\">" + user + "</a> <span>2021-01-01</span><p>" + text +
           "</p><a href=\"#reply\">Reply</a></div>";
  };
  const std::string html =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/topics\">Topics</a></nav><div class=\"main-content\">"
      "<article class=\"topic-detail\"><a href=\"/u/host\">host</a> <span>2020-12-30</span><h1>Holidays "
      "again</h1><p>The New Year holiday is coming soon, who of you is travelling and where to?</p></article><div class=\"comment-component\">"
      "<div class=\"comments\">" +
      reply("ann", "Happy New Year to everyone here, enjoy the days off and rest well before the busy spring.") +
      reply("raven", "Happy New Year! I am staying home this time and catching up on sleep.") +
      reply("akira", "Travelling to see my parents by train, tickets were easy to get this year.") +
      "</div></div></div><footer><a href=\"/about\">About</a></footer></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("who of you is travelling"), std::string::npos) << s;
  EXPECT_NE(s.find("catching up on sleep"), std::string::npos) << s;
}

// A reply's score printed in its three vote states (down-voted, unvoted, up-voted), each with a
// class of its own beside "score", of which the stylesheet shows one: the count as the page
// stands (the middle one) stays, the other two go. A pager's numbered links stay.
TEST(ForumPosts, ScoreInItsThreeVoteStatesKeepsTheMiddleOne) {
  std::string replies;
  const char* bodies[] = {"The cache folder was mounted read-only by the backup job, so the installer could not "
                          "write its files there until the job was stopped.",
                          "Same here: stopping the nightly backup before the upgrade fixed it on two servers."};
  for (int i = 0; i < 2; ++i) {
    const int score = 40 + 10 * i;
    replies += "<div class=\"entry\"><p class=\"tagline\"><a href=\"/u/user" + std::to_string(i) + "\">user" +
               std::to_string(i) + "</a> <span class=\"score dislikes\">" + std::to_string(score - 1) +
               " points</span><span class=\"score unvoted\">" + std::to_string(score) +
               " points</span><span class=\"score likes\">" + std::to_string(score + 1) +
               " points</span> 5 hours ago</p><div class=\"md\"><p>" + bodies[i] + "</p></div></div>";
  }
  const std::string html =
      "<html><body><div class=\"thread\">" + replies +
      "<div class=\"pager\"><a class=\"page\" href=\"?p=1\">Page 1</a><a class=\"page current\" href=\"?p=2\">Page "
      "2</a><a class=\"page\" href=\"?p=3\">Page 3</a></div></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("40 points"), std::string::npos) << s;
  EXPECT_NE(s.find("50 points"), std::string::npos) << s;
  EXPECT_EQ(s.find("39 points"), std::string::npos) << s;
  EXPECT_EQ(s.find("41 points"), std::string::npos) << s;
  EXPECT_EQ(s.find("51 points"), std::string::npos) << s;
  EXPECT_NE(s.find("mounted read-only"), std::string::npos) << s;
}

// A container chosen above the thread that schema.org marks (a generated summary of the
// discussion and a notice beside it weigh as much as a post) narrows to the thread: every
// marked post stays, what lies around them goes.
TEST(ForumPosts, ContainerAboveTheMarkedThreadNarrowsToIt) {
  const char* bodies[] = {
      "I am thinking of buying the new office suite, but some shops sell a licence for a quarter of the price. "
      "Are those licences legitimate, and how can they sell them so cheaply?",
      "Most of them resell volume licences that were never meant to be sold one by one, so they may stop "
      "working when the vendor notices.",
      "The free suite opens the same files; I have used it for years without trouble at work or at home."};
  std::string posts;
  for (int i = 0; i < 3; ++i)
    posts += std::string("<article class=\"message\" itemscope itemtype=\"https://schema.org/") +
             (i == 0 ? "DiscussionForumPosting" : "Comment") + "\"><div class=\"user\">member" + std::to_string(i) +
             "</div><div class=\"message-body\"><p>" + bodies[i] + "</p></div></article>";
  const std::string html =
      "<html><body><nav><a href=\"/\">Home</a> <a href=\"/forums\">Forums</a></nav><div class=\"p-body\">"
      "<div class=\"overview\"><h3>Discussion overview</h3><p>The discussion revolves around the legitimacy and "
      "pricing of an office suite sold by third parties, with views on volume licences and free "
      "alternatives.</p><ul><li>One participant questions the low prices of other shops.</li><li>Another "
      "participant recommends a free alternative suite.</li></ul></div><div class=\"thread\">" +
      posts + "</div></div><footer><a href=\"/terms\">Terms</a></footer></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("thinking of buying"), std::string::npos) << s;
  EXPECT_NE(s.find("volume licences that were never"), std::string::npos) << s;
  EXPECT_NE(s.find("opens the same files"), std::string::npos) << s;
  EXPECT_EQ(s.find("revolves around"), std::string::npos) << s;
}

// A Discuz thread (the forum software of most Chinese boards): each post opens with its floor
// label ("楼主" for the thread's starter, "沙发" and "板凳" for the first replies: links that copy
// the post's address) and a poster line whose buttons ("只看该作者", "倒序浏览", "阅读模式")
// stand beside the date; under the replies "回复" and "收起回复". The labels, the buttons and
// the date line ("post-dateline") go; the posts stay.
TEST(ForumPosts, DiscuzFloorLabelsAndPosterButtonsGo) {
  const char* bodies[] = {
      "建议对游戏的新地图进行改版，现在的地图太小了，跟别的地图差得太远，玩家走几步就到了边界，希望下个版本能够扩大一些。",
      "顶你，这张地图真的太小了，而且补给点太少，玩起来一点意思都没有。",
      "同意楼上的看法，希望官方能够看到大家的建议。"};
  const char* floors[] = {"楼主", "沙发", "板凳"};
  std::string posts;
  for (int i = 0; i < 3; ++i) {
    const std::string id = std::to_string(500 + i);
    posts += "<div id=\"post_" + id + "\" class=\"plhin\"><div class=\"pls\"><a href=\"/space/u" + id + "\">user" + id +
             "</a></div><div class=\"plc\"><div class=\"pi\"><strong><a href=\"/p/" + id + "\">" + floors[i] +
             "</a></strong><div class=\"authi\"><em>发表于 2024-4-1" + std::to_string(i) +
             " 11:52:24</em> <span class=\"pipe\">|</span> <a href=\"/a/" + id + "\">只看该作者</a>" +
             (i == 0 ? " <span class=\"pipe\">|</span> <a href=\"/r\">倒序浏览</a> <span class=\"pipe\">|</span> "
                       "<a href=\"/m\">阅读模式</a>"
                     : "") +
             "</div></div><div class=\"t_f\">" + bodies[i] + "</div><div class=\"po\"><a href=\"/re/" + id +
             "\">回复</a></div></div></div>";
  }
  const std::string html = "<html><body><div id=\"postlist\">" + posts + "</div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("建议对游戏的新地图进行改版"), std::string::npos) << s;
  EXPECT_NE(s.find("补给点太少"), std::string::npos) << s;
  EXPECT_NE(s.find("希望官方能够看到"), std::string::npos) << s;
  for (const char* gone : {"楼主", "沙发", "板凳", "只看该作者", "倒序浏览", "阅读模式", "回复", "发表于"})
    EXPECT_EQ(s.find(gone), std::string::npos) << gone << "\n" << s;
}

// A button whose count a script fills in a hidden span ("收藏" and a display:none "0": save
// the thread, and how many did) reads as the button it shows: the hidden digit is no word of
// it. A hidden word inside a line of prose does not make the line a button.
TEST(ForumPosts, ButtonWithAHiddenCountGoes) {
  const std::string html =
      "<html><body><div id=\"postlist\"><div id=\"post_1\"><div class=\"t_f\">"
      "这把椅子用了三年，坐垫已经塌下去了，想换一个新的海绵垫，不知道哪种密度的比较耐用，请有经验的朋友推荐一下。"
      "</div></div><div id=\"thread_btn\"><a href=\"/fav\"><i>收藏<span style=\"display:none\">0</span></i></a></div>"
      "<div id=\"post_2\"><div class=\"t_f\">高密度的海绵更耐用，我家的沙发换了以后五年都没有变形，价格贵一点但是值得。"
      "</div></div><div id=\"post_3\"><div class=\"t_f\">收藏<span style=\"display:none\">备用</span>了好几家店，"
      "最后还是在本地的家具市场买的，可以当场试坐。</div></div></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("坐垫已经塌下去了"), std::string::npos) << s;
  EXPECT_NE(s.find("高密度的海绵更耐用"), std::string::npos) << s;
  EXPECT_NE(s.find("可以当场试坐"), std::string::npos) << s;
  EXPECT_EQ(s.find("收藏\n"), std::string::npos) << s;
}

// The line beside a poster's name that says when the post was written, in the forms Chinese
// boards and question sites print it, goes ("post-dateline"): a label ("发表于", "编辑于",
// "IP属地") and a date or a relative one close after it, with the poster's region, or the date
// first and the verb after it ("2023.09.11 09:42 发布于<board>"); so does
// an article's or an answer's ("发布于 2023-09-08 10:00・IP 属地江苏"). A reply that opens with
// the same word and goes on about a date is the reply's text and stays, as does a dated line
// on a documentation page (a changelog's entry).
TEST(ForumPosts, ChinesePostDatelinesGo) {
  const char* datelines[] = {"发表于 2023-9-8 21:05:13 | 来自 - 浙江杭州", "编辑于 3&nbsp;天前・IP 属地江苏",
                             "IP属地:山东来自iPhone客户端3楼2023-09-10 08:15", "2023.09.11 09:42 发布于园艺版"};
  const char* bodies[] = {
      "阳台上的茉莉花叶子发黄，最近浇水很勤，是不是水浇多了？土一直是湿的，花苞也掉了好几个。",
      "浇水太多了，等表面的土干了再浇，花盆底下要有排水孔，不然根会烂掉。",
      "发表于上个月的那篇养花心得里也说过，2023年夏天雨水多，要把花盆搬到屋檐下避雨。",
      "2023-09-10 那天发布的新规定里说，阳台不能放太重的花盆，大家要注意安全。"};
  std::string posts;
  for (int i = 0; i < 4; ++i)
    posts += "<div id=\"post_" + std::to_string(700 + i) + "\"><div class=\"pi\"><a href=\"/u" +
             std::to_string(i) + "\">gardener" + std::to_string(i) + "</a><div class=\"authi\"><em>" + datelines[i] +
             "</em></div></div><div class=\"t_f\">" + bodies[i] + "</div></div>";
  std::string s = select_text("<html><body><div id=\"postlist\">" + posts + "</div></body></html>", forum_hints());
  EXPECT_NE(s.find("茉莉花叶子发黄"), std::string::npos) << s;
  EXPECT_NE(s.find("排水孔"), std::string::npos) << s;
  EXPECT_NE(s.find("发表于上个月的那篇养花心得"), std::string::npos) << s;
  EXPECT_NE(s.find("2023-09-10 那天发布的新规定"), std::string::npos) << s;
  for (const char* gone : {"2023-9-8", "天前", "IP属地", "园艺版"})
    EXPECT_EQ(s.find(gone), std::string::npos) << gone << "\n" << s;

  const std::string article =
      "<html><body><article><h1>茉莉花的养护</h1><div class=\"info\">发布于 2023-09-08 10:00・IP 属地江苏</div><p>" +
      std::string(bodies[0]) + "</p><p>" + bodies[1] + "</p></article></body></html>";
  std::string a = select_text(article, hints_for_page_type("article"));
  EXPECT_NE(a.find("茉莉花叶子发黄"), std::string::npos) << a;
  EXPECT_EQ(a.find("发布于 2023-09-08"), std::string::npos) << a;
  std::string d = select_text(article, hints_for_page_type("documentation"));
  EXPECT_NE(d.find("发布于 2023-09-08"), std::string::npos) << d;
  // A news or CMS article's line under the headline, in Chinese, Japanese and Korean.
  EXPECT_TRUE(is_post_dateline("发布时间：2023-09-08 10:00 来源：本站"));
  EXPECT_TRUE(is_post_dateline("公開日：2023年9月8日"));
  EXPECT_TRUE(is_post_dateline("입력 2023.09.08 08:37"));
  EXPECT_FALSE(is_post_dateline("发布时间还没有确定，请大家关注花展的后续通知。"));
  // A sentence of the text that opens with the label and a date.
  EXPECT_FALSE(is_post_dateline("发布于2023年9月8日的养护手册写明了三件事。"));
  EXPECT_FALSE(is_post_dateline("2023年9月8日发布的养护手册写明了三件事。"));
  // The tail of a post sent from an app; a line that only says where someone is from stays.
  EXPECT_TRUE(is_post_dateline("来自Android客户端2楼2023-09-10 08:15"));
  EXPECT_FALSE(is_post_dateline("来自南方的花友"));
  EXPECT_FALSE(is_post_dateline("来自南方的花友在2023年9月8日写信说，茉莉开花了。"));
}

// Discuz's markup around each post: the poster's panel beside it (<td class="pls">: name,
// topic, post and point counts, rank), the "last edited by" line over its text (<i
// class="pstatus">), the table of points readers rated it with ("ratl") and the poster's
// signature under it (<div class="sign">). They go; each post's text stays.
TEST(ForumPosts, DiscuzPanelEditLineRatingsAndSignatureGo) {
  const char* users[] = {"gardener", "potter", "weaver"};
  const char* bodies[] = {
      "阳台上的茉莉花叶子发黄，最近浇水很勤，是不是水浇多了？土一直是湿的，花苞也掉了好几个，请大家帮忙看看。",
      "浇水太多了，等表面的土干了再浇，花盆底下要有排水孔，不然根会烂掉，换一个透气的陶盆会好很多。",
      "同意楼上的看法，另外冬天要把花盆搬到屋里，放在有阳光的窗台上，温度不要低于五度。"};
  std::string posts;
  for (int i = 0; i < 3; ++i) {
    const std::string id = std::to_string(800 + i);
    posts += "<div id=\"post_" + id + "\"><table id=\"pid" + id + "\" class=\"plhin\"><tr><td class=\"pls\"><div "
             "class=\"authi\"><a href=\"/u" + id + "\">" + users[i] + "</a></div><table><tr><th><p>12</p>主题</th><th>"
             "<p>345</p>帖子</th><td><p>1024</p>积分</td></tr></table><p><em>中级会员</em></p></td><td class=\"plc\">"
             "<div class=\"t_f\"><i class=\"pstatus\"> 本帖最后由 " + users[i] + " 于 2023-9-1" + std::to_string(i) +
             " 12:00 编辑 </i><br>" + bodies[i] + "</div>" +
             (i == 1 ? "<table class=\"ratl\"><tr><th>参与人数 2</th><th>威望 +2</th></tr><tr><td>园丁甲</td><td>+1"
                       "</td></tr></table>"
                     : "") +
             "<div class=\"sign\">种花养草，修身养性，每天都要开开心心。</div></td></tr></table></div>";
  }
  std::string s = select_text("<html><body><div id=\"postlist\">" + posts + "</div></body></html>", forum_hints());
  EXPECT_NE(s.find("茉莉花叶子发黄"), std::string::npos) << s;
  EXPECT_NE(s.find("排水孔"), std::string::npos) << s;
  EXPECT_NE(s.find("温度不要低于五度"), std::string::npos) << s;
  for (const char* gone : {"中级会员", "积分", "本帖最后由", "参与人数", "修身养性"})
    EXPECT_EQ(s.find(gone), std::string::npos) << gone << "\n" << s;
  // The edit line by its words too, where a mobile template sets it without the class.
  EXPECT_EQ(boilerplate_phrase_rule("本帖最后由 gardener 于 2023-9-10 12:00 编辑"), "phrase:widget");
}

// A post's score, like count and number in the thread, each a line of its own beside the
// post, are figures about it; a number inside a sentence, in a table cell, and a post's whole
// text stay.
TEST(ForumPosts, BareCountsBesidePostsGo) {
  const char* bodies[] = {
      "My rye starter smells of nail polish after a week in the fridge, and it barely rises now. "
      "Should I throw it away and begin again, or can it be saved with a few feedings?",
      "Feed it twice a day at room temperature for 3 days; the smell means it is hungry.",
      "Mine rose like this after I did that:</p><table><tr><th>Day</th><th>Rise in percent</th></tr><tr><td>1</td>"
      "<td>40</td></tr><tr><td>2</td><td>75</td></tr></table><p>So give it time."};
  std::string posts;
  for (int i = 0; i < 3; ++i) {
    const std::string id = std::to_string(700 + i);
    posts += "<div class=\"reply\"><div class=\"votes\"><span>" + std::to_string(1280 + i) +
             "</span></div><div class=\"num\"><a href=\"/t/9/" + id + "\">#" + std::to_string(i + 1) +
             "</a></div><div class=\"text\"><p>" + bodies[i] + "</p></div><div class=\"likes\">3.4k</div></div>";
  }
  const std::string html = "<html><body><div class=\"thread\">" + posts + "</div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("My rye starter"), std::string::npos) << s;
  EXPECT_NE(s.find("for 3 days"), std::string::npos) << s;
  EXPECT_NE(s.find("75"), std::string::npos) << s;
  for (const char* gone : {"1280", "1281", "#1", "#2", "3.4k"}) EXPECT_EQ(s.find(gone), std::string::npos) << gone << "\n" << s;
}

// The rank a board prints under each poster's name, by its class ("userTitle", "author-role",
// "usertitle"), and the badge marking the thread's starter ("authorBadge") go; the name above
// them (a guest's, without a profile link) stays, though the rank was all that followed it.
TEST(ForumPosts, PosterRanksGoTheirNamesStay) {
  const char* bodies[] = {
      "The tide tables for the northern bay are an hour off since the spring update, and my kayak "
      "trips keep meeting the ebb instead of the flood. Does anyone else see this?",
      "Yes, the update switched the harbour station to summer time twice; subtract the extra hour.",
      "Thanks, that matches what I saw on the water this morning."};
  const char* names[] = {"seakayaker", "tidewatcher", "bluefin"};
  const char* classes[] = {"userTitle message-userTitle", "bbp-author-role", "usertitle"};
  std::string posts;
  for (int i = 0; i < 3; ++i) {
    posts += std::string("<article class=\"message\"><div class=\"message-user\"><h4 class=\"message-name\">") +
             names[i] + "</h4><h5 class=\"" + classes[i] +
             "\">Harbour Regular</h5></div>" + (i == 2 ? "<ul><li><strong class=\"ipsComment_authorBadge\">Opener</strong></li></ul>" : "") +
             "<div class=\"message-content\"><p>" + bodies[i] + "</p></div></article>";
  }
  const std::string html = "<html><body><div class=\"thread\">" + posts + "</div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("tide tables"), std::string::npos) << s;
  EXPECT_NE(s.find("subtract the extra hour"), std::string::npos) << s;
  EXPECT_EQ(s.find("Harbour Regular"), std::string::npos) << s;
  EXPECT_EQ(s.find("Opener"), std::string::npos) << s;
  for (const char* name : names) EXPECT_NE(s.find(name), std::string::npos) << name << "\n" << s;
}

// A board without class names: a question and its reply, each a bare <div> holding a table of the poster's cell
// (name, rank, counts and links, more link text than a short reply) and the message's cell. Nothing marks the posts, but they are built
// alike to two levels (div > table > tbody), and that shape makes them the thread's posts. The
// reply's poster cell is 47% links: without the shape, the climb from the question's cell stops.
TEST(ForumPosts, BarePostsBuiltAlikeAreTheThread) {
  const char* messages[] = {
      "My old lamp flickers whenever the fridge starts, and a new bulb did not help at all. The wiring in "
      "the kitchen is about thirty years old. Is this something I can fix myself, or should I call someone?",
      "Check the outlet first. A loose contact there flickers exactly like that when a big load switches on "
      "nearby, and it is a cheap fix."};
  std::string posts;
  int i = 0;
  for (const char* message : messages) {
    ++i;
    posts += "<div><table><tr><td><a href=\"/u/" + std::to_string(i) + "\">member" + std::to_string(i) +
             "</a><br><a href=\"/rank\">Regular member of the board</a><br><a href=\"/t\">Topics started " +
             std::to_string(i) + "</a> <a href=\"/r\">Replies written " + std::to_string(10 * i) +
             "</a> <a href=\"/pm\">Send a private message</a> <a href=\"/p\">View the full profile</a></td><td>" + message +
             "</td></tr></table></div>";
  }
  std::string menu;
  for (int m = 0; m < 12; ++m) menu += "<a href=\"/f/" + std::to_string(m) + "\">Board " + std::to_string(m) + "</a> ";
  const std::string html = "<html><body><div>" + menu + "</div><div><h1>Lamp flickers</h1><div>" + posts +
                           "</div></div><div><a href=\"/terms\">Terms</a> <a href=\"/help\">Help</a></div></body></html>";
  const std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("My old lamp flickers"), std::string::npos) << s;
  EXPECT_NE(s.find("Check the outlet first"), std::string::npos) << s;
  EXPECT_EQ(s.find("Board 3"), std::string::npos) << s;
}

// A topic of one short post under a board's menus, its counters and a reply form's notice: the
// first, untyped selection takes the page's text region for a listing (the post is a small share
// of it and holds little prose). The second selection of a forum thread judges the switch as on
// an article (hints_for_page_type with the first selection): the post is the content, not the
// board's menus around it.
TEST(ForumPosts, OnePostTopicIsNoListing) {
  std::string menu;
  const char* boards[] = {"Greetings", "Sandbox", "Open Chat", "Garden Tools", "Pond Keeping", "Bird Feeders",
                          "All Threads", "Busy Threads", "Start a Thread", "Sign In or Join", "Get the Plugin"};
  for (int i = 0; i < 11; ++i) menu += std::string("<li><a href=\"/b/") + std::to_string(i) + "\">" + boards[i] + "</a></li>";
  const std::string html =
      "<html><body><div class=\"wrap\"><header class=\"top\"><p class=\"brand\"><a href=\"/\">Pond Board Sample</a></p>"
      "<p>Plugin for garden clubs</p><ul class=\"menu\">" + menu + "</ul></header><div class=\"middle\">"
      "<p><a href=\"/b/1\">Sandbox</a> Which pump for a tiny pond?</p><h1>Which pump for a tiny pond?</h1>"
      "<div class=\"facts\"><div>Answers</div><div>Posters</div><div>Last activity</div><div>3 years ago</div>"
      "<div>Watchers</div></div><div class=\"filed\">Filed under: <a href=\"/t/1\">Greetings</a></div>"
      "<div class=\"entry\"><div class=\"who\"><a href=\"/u/9\">Marta Kovac</a> 3 years ago <a href=\"/e\">Change</a></div>"
      "<div class=\"words\"><p>Two fish, tiny pond. Which quiet pump?</p></div></div>"
      "<p><a href=\"/prev\">Older thread</a> <a href=\"/next\">Newer thread</a></p></div>"
      "<footer><a href=\"/theme\">Some Theme</a></footer></div></body></html>";
  auto parser = make_parser(ParserKind::kHtml5);
  Document doc;
  ASSERT_TRUE(parser->parse(html, {}, doc).ok());
  ContentSelector selector;
  ContentSelection sel;
  Options options;
  selector.select(doc, options, sel, {});
  std::string first;
  render(doc, sel, sel.main, RenderMode::kText, options, first);
  // the untyped switch to the region (its menu above the <h1> pruned as menu-above-h1)
  ASSERT_NE(first.find("Last activity"), std::string::npos) << first;
  EXPECT_EQ(first.find("Garden Tools"), std::string::npos) << first;
  selector.select(doc, options, sel, hints_for_page_type("forum", sel));
  std::string s;
  render(doc, sel, sel.main, RenderMode::kText, options, s);
  EXPECT_NE(s.find("quiet pump"), std::string::npos) << s;
  EXPECT_EQ(s.find("Garden Tools"), std::string::npos) << s;
  EXPECT_EQ(s.find("Some Theme"), std::string::npos) << s;
}

// A thread of short posts under the page's <h1> (which the <title> repeats), on a page without
// class names: past a column of the site's links, a feed of other members' updates, each a long
// excerpt with its poster and date, outweighs the thread. The headline tells the thread
// (content.cpp story_under_headline, on forums too).
TEST(ForumPosts, ThreadUnderTheHeadlineBeatsAFeedPastTheLinks) {
  std::string posts;
  const char* says[] = {
      "Which glue holds a cracked clay pot together outside through the winter frost? The crack runs "
      "from the rim halfway down and the pot is large enough that I would rather mend it than buy new.",
      "A two part epoxy made for stone works well for me. Clean the crack with a stiff brush first, press "
      "the two sides together with a strap, and keep the pot dry for a day while it sets.",
      "Thanks, I tried the epoxy last weekend and the pot has held water since without a single drop."};
  for (int i = 0; i < 3; ++i)
    posts += std::string("<li><div><a href=\"/u/") + std::to_string(i) + "\">Poster " + std::to_string(i) +
             "</a></div><div>2021-03-0" + std::to_string(i + 1) + " at 10:1" + std::to_string(i) +
             " am</div><div><p>" + says[i] + "</p></div></li>";
  std::string menu;
  const char* links[] = {"Garden tools",   "Seeds and bulbs", "Greenhouses",  "Ponds and pumps", "Raised beds",
                         "Compost corner", "Fruit trees",     "House plants", "Lawn care",       "Members list",
                         "Photo gallery",  "Help and rules", "Wildlife garden", "Allotment news", "Tree surgery",
                         "Herb garden",    "Water features", "Pests and cures", "Bird boxes", "Shed and fences"};
  for (const char* l : links) menu += std::string("<li><a href=\"/c/") + l[0] + l[1] + "\">" + l + "</a></li>";
  std::string feed;
  const char* fair[] = {"The spring fair on the green had more stalls than ever this year. ",
                        "Seedlings, old tools, honey and jam came from the allotments. ",
                        "A long table of cuttings was swapped for a coin in the tin. ",
                        "The talk on pruning roses drew a crowd under the oak tree. ",
                        "Children planted beans in paper pots to take home with them. ",
                        "The brass band played until the rain came in from the hills. "};
  for (int i = 0; i < 6; ++i) {
    std::string excerpt;
    for (int j = 0; j < 6; ++j) excerpt += fair[(i + j) % 6];
    feed += std::string("<li><div><p><a href=\"/u/9\">Gardener Nine</a> posted an update <a href=\"/feed/") +
            std::to_string(i) + "\">" + std::to_string(i + 2) + " days ago</a></p></div><div><p>" + excerpt +
            "</p></div><div><a href=\"/c/1\">Comment on this update</a> <a href=\"/f/1\">Add to favourites</a> "
            "<a href=\"/s/1\">Share with a friend</a> <a href=\"/r/1\">Report to the moderators</a></div></li>";
  }
  const std::string html =
      "<html><head><title>Mending a cracked clay pot - Garden Forum</title></head><body>"
      "<div><a href=\"/\">Home</a> <a href=\"/forums\">Forums</a></div><div><div>"
      "<div><h1>Mending a cracked clay pot</h1><div>This topic has 2 replies.</div></div><ul>" + posts + "</ul></div>"
      "<ul>" + menu + "</ul><div><h2>Recent activity</h2><ul>" + feed + "</ul></div></div></body></html>";
  std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("Which glue holds a cracked clay pot"), std::string::npos) << s;
  EXPECT_NE(s.find("held water since"), std::string::npos) << s;
  EXPECT_EQ(s.find("brass band"), std::string::npos) << s;
}

// A thread read as an article (no forum hints): a heading that counts the replies stands between
// the opening post and the replies. They are built alike, each a <div> of the poster's line and
// the message's paragraphs (two in one, one in another), so the heading opens no comment
// section: the replies stay. An article's text before such a heading is no look-alike of each
// comment, and its comments still go (OldLayout.CommentsUnderACountingHeadingGo).
TEST(ForumPosts, RepliesBuiltLikeThePostUnderACountingHeadingStay) {
  auto post = [](int i, std::string_view paragraphs) {
    return "<div><div><img src=\"/a/" + std::to_string(i) + ".png\"><span>member" + std::to_string(i) +
           "</span> <span>May " + std::to_string(i + 2) + ", 2019 at 8:1" + std::to_string(i) + " pm</span></div><div>" +
           std::string(paragraphs) + "</div></div>";
  };
  const std::string html =
      "<html><body><div><a href=\"/\">Home</a> <a href=\"/boards\">Boards</a></div><div><h1>Planing end grain</h1><div>" +
      post(1,
           "<p>Every time I plane the end of a board the far corner breaks off, however sharp the iron is and "
           "however light the cut. I have tried a backing block too, clamped tight to the far edge, and it still "
           "splits every time.</p><p>What am I doing wrong here?</p>") +
      "<h2>3 Replies</h2>" +
      post(2, "<p>Chamfer the far corner first, then plane towards it from both sides; it cannot split off "
              "when there is nothing left to split.</p>") +
      post(3, "<p>A shooting board helps a lot as well, since the board is held square and supported right "
              "to the end of the cut.</p><p>Mine is made from scrap plywood.</p>") +
      post(4, "<p>Thanks to both of you, the chamfer did the trick and the corners are clean now.</p>") +
      "</div></div><div><a href=\"/terms\">Terms</a></div></body></html>";
  const std::string s = select_text(html, SelectionHints{});
  EXPECT_NE(s.find("far corner breaks off"), std::string::npos) << s;
  EXPECT_NE(s.find("Chamfer the far corner first"), std::string::npos) << s;
  EXPECT_NE(s.find("shooting board"), std::string::npos) << s;
  EXPECT_NE(s.find("the chamfer did the trick"), std::string::npos) << s;
}

// Bare posts built nearly alike: the second poster's panel carries one badge more and the first
// message has two paragraphs, so their exact shapes differ; loosely (the grandchildren's tags
// as a set) they are alike, and each holds prose: they are the thread.
TEST(ForumPosts, BarePostsBuiltLooselyAlikeAreTheThread) {
  auto post = [](int i, bool badge, std::string_view message) {
    const std::string n = std::to_string(i);
    return "<div><div><a href=\"/u/" + n + "\">member" + n + "</a><a href=\"/rank\">Regular member of the board</a>" +
           (badge ? "<a href=\"/staff\">Moderator</a>" : "") + "<a href=\"/t\">Topics started " + n +
           "</a><a href=\"/r\">Replies written " + std::to_string(10 * i) +
           "</a><a href=\"/pm\">Send a private message</a><a href=\"/p\">View the full profile</a></div><div>" +
           std::string(message) + "</div></div>";
  };
  const std::string posts =
      post(1, false,
           "<p>My old lamp flickers whenever the fridge starts, and a new bulb did not help at all.</p><p>The wiring "
           "in the kitchen is about thirty years old. Is this something I can fix myself, or should I call "
           "someone?</p>") +
      post(2, true,
           "<p>Check the outlet first. A loose contact there flickers exactly like that when a big load switches "
           "on nearby, and it is a cheap fix.</p>");
  std::string menu;
  for (int m = 0; m < 12; ++m) menu += "<a href=\"/f/" + std::to_string(m) + "\">Board " + std::to_string(m) + "</a> ";
  const std::string html = "<html><body><div>" + menu + "</div><div><h1>Lamp flickers</h1><div>" + posts +
                           "</div></div><div><a href=\"/terms\">Terms</a> <a href=\"/help\">Help</a></div></body></html>";
  const std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("My old lamp flickers"), std::string::npos) << s;
  EXPECT_NE(s.find("Check the outlet first"), std::string::npos) << s;
  EXPECT_EQ(s.find("Board 3"), std::string::npos) << s;
}

// Bare posts built alike but for the microdata a board prints in the replies and not in the
// opening post (<meta> children): a post's shape leaves <meta> and <link> out, so they are alike.
TEST(ForumPosts, MicrodataTagsAreNoPartOfAPostsShape) {
  auto post = [](int i, bool meta, std::string_view message) {
    const std::string n = std::to_string(i);
    return "<div>" + std::string(meta ? "<meta content=\"2021-03-0" + n + "\"><meta content=\"" + n + "\">" : "") +
           "<div><a href=\"/u/" + n + "\">member" + n + "</a><a href=\"/rank\">Regular member of the board</a>" +
           "<a href=\"/t\">Topics started " + n + "</a><a href=\"/r\">Replies written " + std::to_string(10 * i) +
           "</a><a href=\"/pm\">Send a private message</a><a href=\"/p\">View the full profile</a></div><div><p>" +
           std::string(message) + "</p></div></div>";
  };
  const std::string posts =
      post(1, false,
           "My old lamp flickers whenever the fridge starts, and a new bulb did not help at all. The wiring in the "
           "kitchen is about thirty years old. Is this something I can fix myself, or should I call someone?") +
      post(2, true,
           "Check the outlet first. A loose contact there flickers exactly like that when a big load switches on "
           "nearby, and it is a cheap fix.");
  std::string menu;
  for (int m = 0; m < 12; ++m) menu += "<a href=\"/f/" + std::to_string(m) + "\">Board " + std::to_string(m) + "</a> ";
  const std::string html = "<html><body><div>" + menu + "</div><div><h1>Lamp flickers</h1><div>" + posts +
                           "</div></div><div><a href=\"/terms\">Terms</a> <a href=\"/help\">Help</a></div></body></html>";
  const std::string s = select_text(html, forum_hints());
  EXPECT_NE(s.find("My old lamp flickers"), std::string::npos) << s;
  EXPECT_NE(s.find("Check the outlet first"), std::string::npos) << s;
  EXPECT_EQ(s.find("Board 3"), std::string::npos) << s;
}

}  // namespace
}  // namespace pith
