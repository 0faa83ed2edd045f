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

int MembershipTimelineModel::columnOf(const QString &status) const
{
    const qsizetype i = m_statuses.indexOf(status);
    return i < 0 ? -1 : int(i) + 1;
}

QString MembershipTimelineModel::labelOf(const QString &status) const
{
    if (m_layer)
        for (const LegendEntry &e : m_layer->legend)
            if (e.key == status && !e.label.isEmpty())
                return e.label;
    return status;
}

void MembershipTimelineModel::rebuild()
{
    beginResetModel();
    m_statuses.clear();
    if (m_layer) {
        for (const LegendEntry &e : m_layer->legend)
            if (!m_statuses.contains(e.key))
                m_statuses << e.key;
        for (const Feature &f : m_layer->features)
            for (const Period &p : f.details().periods)
                if (!m_statuses.contains(p.status))
                    m_statuses << p.status;
    }
    // The layer's span: from its earliest dated status to the end of the timeline.
    int first = std::numeric_limits<int>::max();
    if (m_layer)
        for (const Feature &f : m_layer->features)
            for (const Period &p : f.details().periods)
                first = std::min(first, p.since);
    m_first = first == std::numeric_limits<int>::max() ? 2001 : first;
    m_last = std::max(m_first, int(kDefaultLastYear));
    m_rows.clear();
    for (int year = m_first; year <= m_last; ++year) {
        QList<int> row(m_statuses.size() + 1, 0);
        row[kYearColumn] = year;
        if (m_layer)
            for (const Feature &f : m_layer->features)
                if (const std::optional<QString> status = f.statusIn(year))
                    if (const int column = columnOf(*status); column > 0)
                        ++row[column];
        m_rows << row;
    }
    endResetModel();
}

int MembershipTimelineModel::rowOf(int year) const
{
    return year >= m_first && year <= m_last && !m_rows.isEmpty() ? year - m_first : -1;
}

int MembershipTimelineModel::count(int year, const QString &status) const
{
    const int row = rowOf(year), column = columnOf(status);
    return row >= 0 && column > 0 ? m_rows[row][column] : 0;
}

int MembershipTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MembershipTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_statuses.size()) + 1;
}

QVariant MembershipTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() > m_statuses.size() ||
        (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    return m_rows[index.row()][index.column()];
}

QVariant MembershipTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section >= 0 && section < m_rows.size() ? QVariant(m_rows[section][kYearColumn]) : QVariant();
    if (section == kYearColumn)
        return tr("Year");
    return section > 0 && section <= m_statuses.size() ? QVariant(labelOf(m_statuses[section - 1])) : QVariant();
}

} // namespace spheres
