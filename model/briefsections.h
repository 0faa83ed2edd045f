#pragma once

#include "annotation.h"
#include "brief.h"
#include "jsonfields.h"

#include <QJsonValue>

namespace spheres {

/// The readers of a brief's views and annotations, for BriefReader (model/ only). Each reads the
/// item at views[index] or annotations[index]; a failure is told through `fields`.
struct BriefSections
{
    static bool readView(JsonFields &fields, const QJsonValue &value, qsizetype index, SavedView &view);
    static bool readAnnotation(JsonFields &fields, const QJsonValue &value, qsizetype index, Annotation &annotation);
    /// userLayers[index]: a user's file (its path as written) and its style.
    static bool readUserLayer(JsonFields &fields, const QJsonValue &value, qsizetype index, UserLayerSource &layer);
};

} // namespace spheres
