#include "sentencesplitter.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace spheres {

namespace {

bool isTerminal(QChar c) { return c == u'.' || c == u'!' || c == u'?' || c == u'\u2026'; }

// Closing quotes and brackets that belong to the sentence they follow.
bool isCloser(QChar c)
{
    return c == u'"' || c == u'\'' || c == u'\u201D' || c == u'\u2019' || c == u'\u00BB' || c == u')' || c == u']';
}

bool isOpener(QChar c)
{
    return c == u'"' || c == u'\'' || c == u'\u201C' || c == u'\u2018' || c == u'\u00AB' || c == u'(' || c == u'[';
}

// Words that take a period without ending a sentence, whatever follows.
const QSet<QString> &abbreviations()
{
    static const QSet<QString> set = {
        u"Mr"_s, u"Mrs"_s, u"Ms"_s, u"Dr"_s, u"St"_s, u"Prof"_s, u"Gen"_s, u"Col"_s, u"Lt"_s,
        u"Capt"_s, u"Sgt"_s, u"Sen"_s, u"Rep"_s, u"Gov"_s, u"Pres"_s, u"Jr"_s, u"Sr"_s, u"Mt"_s,
        u"vs"_s, u"cf"_s, u"al"_s, u"approx"_s,
        // Months; "May" is a word of its own.
        u"Jan"_s, u"Feb"_s, u"Mar"_s, u"Apr"_s, u"Jun"_s, u"Jul"_s, u"Aug"_s, u"Sep"_s, u"Sept"_s,
        u"Oct"_s, u"Nov"_s, u"Dec"_s,
    };
    return set;
}

// Abbreviations that only count as such before a number ("No. 5", "p. 12"); "No." may end a sentence.
const QSet<QString> &numberAbbreviations()
{
    static const QSet<QString> set = {u"No"_s, u"Nos"_s, u"no"_s, u"Art"_s, u"Fig"_s, u"Vol"_s, u"p"_s, u"pp"_s};
    return set;
}

bool isAbbreviation(const QString &word, QChar next)
{
    if (abbreviations().contains(word))
        return true;
    if (next.isDigit() && numberAbbreviations().contains(word))
        return true;
    // Dotted acronyms: U.S, e.g, i.e, P.R.C (the final period is the one being looked at).
    static const QRegularExpression dotted(u"^(?:[A-Za-z]\\.)+[A-Za-z]$"_s);
    if (dotted.match(word).hasMatch())
        return true;
    // An initial: "J. K. Rowling". (A sentence ending in a one-letter word, "Line A.", is rarer.)
    return word.size() == 1 && word.at(0).isUpper();
}

// The word just before position `dot`, without opening quotes or brackets.
QString wordBefore(const QString &p, qsizetype dot)
{
    qsizetype b = dot;
    while (b > 0 && !p.at(b - 1).isSpace())
        --b;
    QString word = p.mid(b, dot - b);
    while (!word.isEmpty() && (isOpener(word.front()) || word.front() == u'*' || word.front() == u'_'))
        word.remove(0, 1);
    return word;
}

// Removes a footnote number glued to the final punctuation: "influence.2" -> "influence.".
QString stripFootnote(QString s)
{
    static const QRegularExpression footnote(u"(?<![0-9])([.!?\u2026][\"'\u201D\u2019\u00BB)\\]]*)[0-9]{1,3}$"_s);
    s.replace(footnote, u"\\1"_s);
    return s;
}

QString stripInlineMarkdown(QString s)
{
    // No span runs past the next opener of its kind: an opener that is never closed then costs
    // a scan to the next one, not to the end of the line (which, for a line full of them, took
    // time quadratic in its length).
    static const QList<QPair<QRegularExpression, QString>> rules = {
        {QRegularExpression(u"\\[\\^[^\\[\\]]*\\]"_s), QString()},                   // footnote references
        {QRegularExpression(u"!?\\[([^\\[\\]]*)\\]\\([^()]*\\)"_s), u"\\1"_s},       // links and images
        {QRegularExpression(u"`([^`]*)`"_s), u"\\1"_s},                             // inline code
        {QRegularExpression(u"\\*\\*(.+?)\\*\\*"_s), u"\\1"_s},                     // **bold**
        {QRegularExpression(u"(?<!\\w)__((?:[^_]|_(?!_))+?)__(?!\\w)"_s), u"\\1"_s},  // __bold__
        {QRegularExpression(u"(?<![\\w*])\\*(?!\\s)([^*]+?)(?<!\\s)\\*(?![\\w*])"_s), u"\\1"_s}, // *em*
        {QRegularExpression(u"(?<!\\w)_(?!\\s)([^_]+?)(?<!\\s)_(?!\\w)"_s), u"\\1"_s}, // _em_, not snake_case
    };
    for (const auto &[re, replacement] : rules)
        s.replace(re, replacement);
    return s.simplified();
}

/// Where a heading's closing hashes (white space, hashes, maybe white space, at the end) start
/// in `line`; its size when it has none.
qsizetype closingHashesAt(const QString &line)
{
    qsizetype i = line.size();
    while (i > 0 && line.at(i - 1).isSpace())
        --i;
    const qsizetype hashesEnd = i;
    while (i > 0 && line.at(i - 1) == u'#')
        --i;
    if (i == hashesEnd || i == 0 || !line.at(i - 1).isSpace())
        return line.size();
    while (i > 0 && line.at(i - 1).isSpace())
        --i;
    return i;
}

/// The length of the block marker at `at` in `line` (a heading's hashes, a quote's ">", a bullet,
/// "1." or "1)") with the white space after it; 0 when there is none. `heading` tells which.
qsizetype blockMarkerAt(const QString &line, qsizetype at, bool &heading)
{
    const qsizetype n = line.size();
    const auto spaceAfter = [&](qsizetype end) {
        qsizetype k = end;
        while (k < n && line.at(k).isSpace())
            ++k;
        return k;
    };
    qsizetype k = at;
    heading = false;
    while (k < n && k - at < 7 && line.at(k) == u'#')
        ++k;
    if (k > at && k - at <= 6 && (k == n || line.at(k).isSpace())) { // "#" to "######", then space or the end
        heading = true;
        return spaceAfter(k) - at;
    }
    if (at < n && line.at(at) == u'>') // "> ", or ">" alone
        return spaceAfter(at + 1) - at;
    if (at + 1 < n && (line.at(at) == u'-' || line.at(at) == u'*' || line.at(at) == u'+') && line.at(at + 1).isSpace())
        return spaceAfter(at + 1) - at;
    k = at;
    while (k < n && k - at < 3 && line.at(k).isDigit())
        ++k;
    if (k > at && k + 1 < n && (line.at(k) == u'.' || line.at(k) == u')') && line.at(k + 1).isSpace())
        return spaceAfter(k + 1) - at;
    return 0;
}

// Strips the block markers at the start of a line (any number, in any order); `isBlock` tells
// whether there were any. Markers are stepped over by hand: cutting them off one at a time
// copied the line once per marker, and a regular expression matched at an offset checks the
// whole line each time, both quadratic in "> > > …".
QString stripBlockMarkers(QString line, bool &isBlock, bool &isHeading)
{
    isBlock = false;
    isHeading = false;
    qsizetype from = 0;
    bool closingHashesGone = false; // once none are left, none appear
    bool heading = false;
    while (const qsizetype length = blockMarkerAt(line, from, heading)) {
        from += length;
        isHeading = isHeading || heading;
        if (heading && !closingHashesGone) {
            const qsizetype at = closingHashesAt(line);
            closingHashesGone = at == line.size();
            line.truncate(at);
        }
        isBlock = true;
    }
    return line.mid(from).trimmed();
}

} // namespace

QStringList SentenceSplitter::paragraphs(const QString &text)
{
    QStringList out;
    for (const NarrativeBlock &b : blocks(text))
        out << b.text;
    return out;
}

SentenceSplitter::Outline SentenceSplitter::outline(const QString &text)
{
    Outline out;
    QList<NarrativeBlock> all = blocks(text);
    if (!all.isEmpty() && all.front().heading) {
        out.title = all.takeFirst().text;
    }
    for (const NarrativeBlock &b : all) {
        out.paragraphs << b.text;
        out.headings << b.heading;
    }
    return out;
}

QList<NarrativeBlock> SentenceSplitter::blocks(const QString &text)
{
    static const QRegularExpression rule(u"^([-*_=])(?:\\s*\\1){2,}\\s*$"_s);
    static const QRegularExpression fence(u"^(```|~~~)"_s);
    QString normalised = text;
    normalised.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    const QStringList lines = normalised.split(u'\n');
    // Blank lines between text: the author separates paragraphs with them and may hard-wrap.
    bool blankSeparated = false;
    {
        bool seenText = false, seenBlankAfterText = false;
        for (const QString &line : lines) {
            if (line.trimmed().isEmpty()) {
                seenBlankAfterText = seenText;
            } else {
                if (seenBlankAfterText)
                    blankSeparated = true;
                seenText = true;
            }
        }
    }

    QList<NarrativeBlock> out;
    QString current;
    bool currentIsBlock = false, currentIsHeading = false;
    auto flush = [&] {
        if (!current.isEmpty())
            out.push_back({current, currentIsHeading});
        current.clear();
        currentIsBlock = false;
        currentIsHeading = false;
    };
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || rule.match(line).hasMatch() || fence.match(line).hasMatch()) {
            flush();
            continue;
        }
        bool isBlock = false, isHeading = false;
        const QString content = stripInlineMarkdown(stripBlockMarkers(line, isBlock, isHeading));
        if (content.isEmpty())
            continue;
        if (!blankSeparated || isBlock || currentIsBlock || current.isEmpty()) {
            flush();
            current = content;
            currentIsBlock = isBlock;
            currentIsHeading = isHeading;
        } else {
            current += u' ' + content;
        }
    }
    flush();
    return out;
}

QStringList SentenceSplitter::sentences(const QString &paragraph)
{
    const QString p = paragraph.simplified();
    const qsizetype n = p.size();
    QStringList out;
    qsizetype start = 0;
    for (qsizetype i = 0; i < n; ++i) {
        if (!isTerminal(p.at(i)))
            continue;
        qsizetype runEnd = i;
        int dots = 0;
        bool hasEllipsisChar = false, hasMark = false;
        while (runEnd < n && isTerminal(p.at(runEnd))) {
            dots += p.at(runEnd) == u'.';
            hasEllipsisChar |= p.at(runEnd) == u'\u2026';
            hasMark |= p.at(runEnd) == u'!' || p.at(runEnd) == u'?';
            ++runEnd;
        }
        qsizetype closeEnd = runEnd;
        while (closeEnd < n && isCloser(p.at(closeEnd)))
            ++closeEnd;
        // A footnote number right after the punctuation of a word (not a decimal: "3.5").
        qsizetype end = closeEnd;
        if (i > 0 && !p.at(i - 1).isDigit()) {
            qsizetype k = closeEnd;
            while (k < n && k - closeEnd < 3 && p.at(k).isDigit())
                ++k;
            if (k > closeEnd && (k == n || p.at(k).isSpace()))
                end = k;
        }
        i = runEnd - 1;
        if (end >= n)
            break; // the paragraph's end closes the last sentence anyway
        if (!p.at(end).isSpace())
            continue; // "3.5", "U.S.-led", "e.g.,"
        qsizetype m = end;
        while (m < n && (p.at(m).isSpace() || isOpener(p.at(m))))
            ++m;
        if (m >= n || p.at(m).isLower())
            continue; // "etc. and", "“Why?” he asked"
        const bool ellipsis = !hasMark && (hasEllipsisChar || dots >= 2);
        if (ellipsis)
            continue;
        if (!hasMark && dots == 1 && runEnd == i + 1 && isAbbreviation(wordBefore(p, i), p.at(m)))
            continue;
        out << p.mid(start, closeEnd - start).trimmed();
        start = end;
        i = end - 1;
    }
    const QString rest = stripFootnote(p.mid(start).trimmed());
    if (!rest.isEmpty())
        out << rest;
    return out;
}

QList<SentenceSpan> SentenceSplitter::split(const QString &text)
{
    QList<SentenceSpan> out;
    const QStringList paras = paragraphs(text);
    for (int pi = 0; pi < paras.size(); ++pi) {
        const QStringList s = sentences(paras.at(pi));
        for (int si = 0; si < s.size(); ++si)
            out.push_back({pi, si, s.at(si)});
    }
    return out;
}

} // namespace spheres
