#pragma once

#include "geometry.h"

#include <boost/geometry/index/rtree.hpp>

#include <QList>
#include <QRectF>

#include <utility>
#include <vector>

namespace spheres {

/// An R-tree over numbered boxes (a layer's features' bounds, in projected metres): which
/// boxes meet a query box, in a few microseconds however many there are. Null boxes (a
/// feature without geometry) are left out.
class BoxIndex
{
public:
    BoxIndex() = default;
    /// Box i is `boxes[i]`.
    explicit BoxIndex(const QList<QRectF> &boxes);
    /// The numbers of the boxes that meet `query` (edges included), ascending.
    std::vector<int> intersecting(const QRectF &query) const;
    std::size_t size() const { return m_tree.size(); }

private:
    using Value = std::pair<Box, int>;
    bg::index::rtree<Value, bg::index::rstar<16>> m_tree;
};

} // namespace spheres
