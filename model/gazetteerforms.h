#pragma once

#include "gazetteer.h"

#include <QStringView>

#include <span>

namespace spheres {

/// A form the linker knows beyond what the atlas and the layers' names give. `ids` are
/// separated by spaces; feature ids ("layer/feature" or a whole layer) that the given layers
/// lack are skipped.
struct CuratedForm
{
    QStringView form;
    LinkTarget::Kind kind;
    QStringView ids;
};

/// The curated forms: groups' short names, pipelines' other names, topics.
std::span<const CuratedForm> curatedForms();

/// Names that contain a region's form but are not about that region ("Indian Ocean"); they link nothing.
std::span<const QStringView> namesThatAreNotPlaces();

} // namespace spheres
