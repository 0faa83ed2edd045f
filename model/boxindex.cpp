#include "boxindex.h"

#include <algorithm>

namespace spheres {

BoxIndex::BoxIndex(const QList<QRectF> &boxes)
{
    std::vector<Value> values;
    values.reserve(size_t(boxes.size()));
    for (int i = 0; i < boxes.size(); ++i)
        if (const QRectF &r = boxes[i]; !r.isNull())
            values.push_back({Box(Point(r.left(), r.top()), Point(r.right(), r.bottom())), i});
    m_tree = decltype(m_tree)(values.begin(), values.end()); // bulk loading packs the tree well
}

std::vector<int> BoxIndex::intersecting(const QRectF &q) const
{
    std::vector<int> out;
    const Box query(Point(std::min(q.left(), q.right()), std::min(q.top(), q.bottom())),
                    Point(std::max(q.left(), q.right()), std::max(q.top(), q.bottom())));
    for (auto it = m_tree.qbegin(bg::index::intersects(query)); it != m_tree.qend(); ++it)
        out.push_back(it->second);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace spheres
