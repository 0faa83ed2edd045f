#pragma once

#include "layer.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace spheres {

/// How a claim of the narrative bears on the relationship.
enum class Stance { Cooperation, Rivalry, Context };

QString stanceKey(Stance stance);                  ///< "cooperation", "rivalry", "context"
QString stanceLabel(Stance stance);                ///< "Cooperation", "Rivalry", "Context", translated
std::optional<Stance> stanceFromKey(const QString &key);

/// One statement of the narrative (a sentence), with what it is about on the map.
struct Claim
{
    QString id;              ///< stable within a brief: "c1", "c2", …
    int paragraph = 0;       ///< 0-based index into Brief::paragraphs
    int sentence = 0;        ///< 0-based sentence within that paragraph
    QString text;            ///< the sentence as it stands in the narrative
    Stance stance = Stance::Context;
    QStringList regions;     ///< region codes (ISO3 or our Natural Earth codes)
    QStringList groups;      ///< region group ids ("central-asia")
    QStringList features;    ///< "layer/feature" ("pipelines/power-of-siberia") or a whole layer ("sco")
    QStringList topics;      ///< named things that are not on the map ("belt-and-road")
    QString note;            ///< the analyst's note (e.g. where the layers' facts contradict the text)
    QList<Source> noteSources;
    double confidence = 1.0; ///< 0..1; 1 for claims checked by hand
    QStringList cues;        ///< the cue words or phrases that decided the stance (linker output)

    bool operator==(const Claim &) const = default;

    enum class LinkKind { Region, Group, Feature, Topic };
    QStringList &links(LinkKind kind);
    const QStringList &links(LinkKind kind) const;
};

} // namespace spheres
