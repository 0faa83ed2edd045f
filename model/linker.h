#pragma once

#include "brief.h"
#include "claim.h"
#include "gazetteer.h"
#include "stancelexicon.h"

#include <QList>
#include <QString>

namespace spheres {

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
/// Links, deduplicated in order of first mention: the regions named in the sentence (names,
/// capitals, seats of government, state companies, cities: see Gazetteer), then regions the
/// sentence speaks of without naming them; groups; features; topics. A group is linked as a
/// group; its members only when the sentence is about them as states ("Central Asian states",
/// "members of NATO", "China's presence in Central Asia"), never when it is a setting or a thing
/// joined ("in South Asia", "joining NATO", "the Asia-Pacific region"). A contested zone brings
/// its claimants when the sentence speaks of claims; a membership layer ("the SCO") its founders
/// when it speaks of the creation. In a narrative, a sentence that names no region, or speaks of
/// "both countries", is about the narrative's principal actors (the regions named in the most
/// sentences so far).
/// Stance: the cue lexicon (cues()) is matched outside the names; the stance with the highest
/// total weight wins, see linker.cpp for the rules (concessive clauses, contrastive connectives,
/// negation scope, harm done to a relationship, verbs that end a rivalry or a cooperation,
/// rivalry aimed at a third party, cooperation seen from a rival's side, ties) and the
/// confidence, which is lower when cues conflict or are hedged.
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

private:
    Gazetteer m_gazetteer; // a copy: cheap (implicitly shared), and the linker cannot dangle
};

} // namespace spheres
