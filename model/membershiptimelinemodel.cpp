#include "membershiptimelinemodel.h"

#include <algorithm>
#include <limits>

namespace spheres {

MembershipTimelineModel::MembershipTimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MembershipTimelineModel::setLayer(std::shared_ptr<const Layer> layer)
{
    m_layer = std::move(layer);
    rebuild();
}

void MembershipTimelineModel::setYearRange(int first, int last)
{
    m_fixedRange = last >= first;
    if (m_fixedRange) {
        m_first = first;
        m_last = last;
    }
    rebuild();
}

QString MembershipTimelineModel::statusOf(Column column)
{
    switch (column) {
    case Members: return QStringLiteral("member");
    case Observers: return QStringLiteral("observer");
    case DialoguePartners: return QStringLiteral("dialogue partner");
    case Partners: return QStringLiteral("partner");
    case Year:
    case ColumnCount: break;
    }
    return {};
}

void MembershipTimelineModel::rebuild()
{
    beginResetModel();
    if (!m_fixedRange) {
        // The layer's span: from its earliest dated status to the end of the timeline.
        int first = std::numeric_limits<int>::max();
        if (m_layer)
            for (const Feature &f : m_layer->features)
                for (const Period &p : f.periods)
                    first = std::min(first, p.since);
        m_first = first == std::numeric_limits<int>::max() ? 2001 : first;
        m_last = std::max(m_first, int(kDefaultLastYear));
    }
    m_rows.clear();
    for (int year = m_first; year <= m_last; ++year) {
        std::array<int, ColumnCount> row{};
        row[Year] = year;
        if (m_layer) {
            for (const Feature &f : m_layer->features) {
                const std::optional<QString> status = f.statusIn(year);
                if (!status)
                    continue;
                for (int c = Members; c < ColumnCount; ++c)
                    if (*status == statusOf(Column(c)))
                        ++row[c];
            }
        }
        m_rows << row;
    }
    endResetModel();
}

int MembershipTimelineModel::rowOf(int year) const
{
    return year >= m_first && year <= m_last && !m_rows.isEmpty() ? year - m_first : -1;
}

int MembershipTimelineModel::count(int year, Column column) const
{
    const int row = rowOf(year);
    return row >= 0 && column > Year && column < ColumnCount ? m_rows[row][column] : 0;
}

int MembershipTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MembershipTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MembershipTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount ||
        (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    return m_rows[index.row()][index.column()];
}

QVariant MembershipTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_rows.size() ? QVariant(m_rows[section][Year]) : QVariant();
    switch (Column(section)) {
    case Year: return tr("Year");
    case Members: return tr("Members");
    case Observers: return tr("Observers");
    case DialoguePartners: return tr("Dialogue partners");
    case Partners: return tr("Partners");
    case ColumnCount: break;
    }
    return {};
}

} // namespace spheres
