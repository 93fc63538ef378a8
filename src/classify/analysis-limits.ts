/**
 * How much of a message the classifier reads. Anyone can send us mail, so
 * every stage reads a bounded prefix and stays linear in it: the work per
 * message is bounded whatever its size (issue 8), while real mail, whose
 * meaning sits at the top, is read whole.
 */

/**
 * How much of a message is analysed: its first 2 MB. Headers and the text a
 * person wrote come first; what is cut is attachments' bulk (a 30 MB file
 * would otherwise be decoded just to be ignored). A bounce or complaint
 * quotes the original's headers near its start, so matching still finds them.
 */
export const analysedBytes = 2 * 1024 * 1024;

/**
 * Reply text (after quote stripping) that intent, language and date
 * extraction read. The longest reply in corpus/intent is 544 characters;
 * 8 KB is about 1,300 words, far past where anyone states what they want.
 */
export const MAX_REPLY_CHARS = 8 * 1024;

/**
 * Plain text and HTML handed to quote stripping. What the person wrote sits
 * above the quoted history, so the first 256 KB always hold it; the rest is
 * old mail and attachments rendered as text.
 */
export const MAX_STRIP_TEXT_CHARS = 256 * 1024;
// HTML nested thousands of tags deep costs more than linear in htmlparser2 and
// our walk; 128 KB of markup keeps even that under a second.
export const MAX_STRIP_HTML_CHARS = 128 * 1024;

/** Body text that auto-reply detection reads: absence notices are a few lines. */
export const MAX_AUTO_REPLY_TEXT_CHARS = 64 * 1024;

/**
 * Bounces: each MIME part's body is read up to this many characters (a
 * report is a few KB; what follows is the returned message, of which only
 * the headers matter), at most this many parts are walked (a report has 2
 * to 4), and a header block is read up to its cap.
 */
export const MAX_BOUNCE_PART_CHARS = 256 * 1024;
export const MAX_BOUNCE_PARTS = 64;
export const MAX_HEADER_BLOCK_CHARS = 64 * 1024;
