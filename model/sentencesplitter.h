#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace spheres {

/// One sentence of a narrative and where it stands.
struct SentenceSpan
{
    int paragraph = 0; ///< 0-based, into SentenceSplitter::paragraphs()
    int sentence = 0;  ///< 0-based within the paragraph
    QString text;

    bool operator==(const SentenceSpan &) const = default;
};

/// A paragraph of a narrative, and whether it was a Markdown heading ("# …").
struct NarrativeBlock
{
    QString text;
    bool heading = false;

    bool operator==(const NarrativeBlock &) const = default;
};

/// Cuts narrative text (plain text or Markdown) into paragraphs and sentences.
class SentenceSplitter
{
public:
    /// Paragraphs in order. Without blank lines in the text every non-empty line is a paragraph;
    /// with blank lines, blank lines separate paragraphs and hard-wrapped lines are joined (a
    /// heading, list item or quote line always starts a paragraph of its own). Markdown markers
    /// are stripped: leading #, -, *, +, >, "1." / "1)", **bold**, __bold__, *em*, _em_,
    /// `code`, [links](url), footnote references [^1]; rules and code fences are dropped.
    static QStringList paragraphs(const QString &text);
    /// The paragraphs of paragraphs() with their kind.
    static QList<NarrativeBlock> blocks(const QString &text);

    /// A narrative as a document: a Markdown heading that opens it is its title; the other
    /// headings are section headings, kept among the paragraphs (to be shown) but flagged, since
    /// they make no claims.
    struct Outline
    {
        QString title;
        QStringList paragraphs;
        QList<bool> headings; ///< one per paragraph
    };
    static Outline outline(const QString &text);
    /// Sentences of one paragraph. A sentence ends at . ! ? (with closing quotes or brackets after
    /// it) followed by white space and a word that does not start in lower case. Abbreviations
    /// (Mr. Dr. St. vs. Jan.–Dec., "No." before a number), dotted acronyms (U.S., e.g., i.e.),
    /// initials (J. K. Rowling), decimals and ellipses do not end one. A footnote number glued
    /// to the final punctuation ("influence.2") is removed from the sentence.
    static QStringList sentences(const QString &paragraph);
    static QList<SentenceSpan> split(const QString &text);
};

} // namespace spheres
