#pragma once

#include "claim.h"
#include "gazetteer.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace spheres {

/// A sentence's stance as StanceReader reads it, with how sure it is and the cues that decided.
struct StanceReading
{
    /// A sentence without cues is context, at this confidence.
    static constexpr double kNoCueConfidence = 0.4;

    Stance stance = Stance::Context;
    double confidence = kNoCueConfidence;
    QStringList cues;
};

/// Reads the stance of one sentence from its cue words (StanceLexicon) and its structure:
/// concessive clauses set aside, contrastive connectives, negation scope, harm done to a
/// relationship, verbs that end a rivalry or a cooperation, rivalry aimed at a third party,
/// cooperation seen from a rival's side, and ties. The names the gazetteer found (`mentions`)
/// are masked, so "Shanghai Cooperation Organization" is no cooperation cue.
class StanceReader
{
public:
    static StanceReading read(const QString &sentence, const QList<Mention> &mentions);
};

} // namespace spheres
