#pragma once

#include "claim.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <span>

namespace spheres {

/// A word or phrase that bears on a claim's stance, with its weight (see StanceLexicon::cues()).
struct StanceCue
{
    QString phrase; ///< lower case, matched on word boundaries ("work together")
    Stance stance = Stance::Context;
    double weight = 1.0;
};

/// The words StanceReader reads a sentence's stance by (stancelexicon.cpp says why each is there).
namespace StanceLexicon {
/// The cue lexicon, longest phrases first.
const QList<StanceCue> &cues();
std::span<const QStringView> concessive();  ///< "despite", "although": the clause is set aside
std::span<const QStringView> contrast();    ///< "but", "however": the clause before counts half
std::span<const QStringView> resolve();     ///< "ended", "eased": the rivalry governed is cooperation
std::span<const QStringView> ending();      ///< those that also end a cooperation named after them
std::span<const QStringView> negations();   ///< "not", "failed": negate a cue a few words on
std::span<const QStringView> harm();        ///< "strain", "undermine": harm done to a relationship
std::span<const QStringView> pairPhrases(); ///< "both countries": the subject is a pair
std::span<const QStringView> locatives();   ///< "in", "over": the next name is a place
} // namespace StanceLexicon

} // namespace spheres
