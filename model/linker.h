#pragma once

#include "brief.h"
#include "claim.h"
#include "gazetteer.h"

#include <QList>
#include <QString>

namespace spheres {

/// A word or phrase that bears on a claim's stance, with its weight (see Linker::cues()).
struct StanceCue
{
    QString phrase; ///< lower case, matched on word boundaries ("work together")
    Stance stance = Stance::Context;
    double weight = 1.0;
};

/// A sentence of a narrative as the linker sees it: the claim it makes and the names it uses.
struct LinkedSentence
{
    Claim claim;
    QList<Mention> mentions; ///< offsets into claim.text

    bool operator==(const LinkedSentence &) const = default;
};

/// Turns narrative text (plain text or Markdown) into claims: one claim per sentence, linked to
/// the regions, groups, features and topics it names, with a stance guessed from cue words.
///
/// Links, deduplicated in order of first mention: regions named in the sentence, followed at
/// the place of a group's mention by the group's members; groups; features; topics.
/// Stance: the cue lexicon (cues()) is matched outside the names; the stance with the highest
/// total weight wins, see linker.cpp for the rules (concessive clauses, rivalry aimed at a third
/// party, ties) and the confidence.
class Linker
{
public:
    explicit Linker(const Gazetteer &gazetteer);

    /// A brief with the narrative's paragraphs and one claim per sentence (ids "c1", "c2", …);
    /// `sourceName` becomes Brief::narrativeSource. A Markdown heading that opens the text is
    /// the title (empty without one) and not a paragraph; other headings are paragraphs without
    /// claims. Author, date, layers and views are left to the caller.
    Brief link(const QString &text, const QString &sourceName) const;
    /// The sentences of `text` with their claims and mentions.
    QList<LinkedSentence> linkSentences(const QString &text) const;
    /// One sentence on its own; the claim's id is left empty.
    LinkedSentence linkSentence(const QString &sentence, int paragraph = 0, int sentenceIndex = 0) const;

    /// `relinked` (a fresh link() of an edited narrative) folded into `previous`, the brief the
    /// user has been editing: a claim whose sentence is unchanged keeps everything the user may
    /// have edited (id, links, stance, confidence, cues, note and its sources) and only moves to
    /// its new place; new sentences get the fresh links and ids after the highest one in use.
    /// Title, author, date, layers, views and annotations are `previous`'s.
    static Brief relink(const Brief &previous, const Brief &relinked);

    /// The cue lexicon, longest phrases first.
    static const QList<StanceCue> &cues();

private:
    Gazetteer m_gazetteer; // a copy: cheap (implicitly shared), and the linker cannot dangle
};

} // namespace spheres
