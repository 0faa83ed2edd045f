#include "claimbalancemodel.h"

#include <numeric>

namespace spheres {

ClaimBalanceModel::ClaimBalanceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ClaimBalanceModel::setClaims(const QList<const Claim *> &claims)
{
    std::array<int, 3> counts{};
    for (const Claim *c : claims)
        for (size_t i = 0; i < kStances.size(); ++i)
            if (c && c->stance == kStances[i])
                ++counts[i];
    if (counts == m_counts)
        return;
    m_counts = counts;
    emit dataChanged(index(0, Count), index(int(kStances.size()) - 1, Count));
}

int ClaimBalanceModel::count(Stance stance) const
{
    for (size_t i = 0; i < kStances.size(); ++i)
        if (kStances[i] == stance)
            return m_counts[i];
    return 0;
}

int ClaimBalanceModel::total() const { return std::accumulate(m_counts.begin(), m_counts.end(), 0); }

int ClaimBalanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(kStances.size());
}

int ClaimBalanceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClaimBalanceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(kStances.size()) || index.column() != Count ||
        (role != Qt::DisplayRole && role != Qt::EditRole))
        return {};
    return m_counts[size_t(index.row())];
}

QVariant ClaimBalanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section == Count ? QVariant(tr("Claims")) : QVariant();
    if (section < 0 || section >= int(kStances.size()))
        return {};
    return stanceLabel(kStances[size_t(section)]);
}

} // namespace spheres
