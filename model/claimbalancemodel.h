#pragma once

#include "claim.h"

#include <QAbstractTableModel>

#include <array>

namespace spheres {

/// How many claims of a selection take each stance: one row per stance (cooperation, rivalry,
/// context), one column with the count. Keeps counts only, so the claims may go away.
class ClaimBalanceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Count, ColumnCount };
    static constexpr std::array<Stance, 3> kStances{Stance::Cooperation, Stance::Rivalry, Stance::Context};

    explicit ClaimBalanceModel(QObject *parent = nullptr);

    void setClaims(const QList<const Claim *> &claims);
    int count(Stance stance) const;
    int total() const;
    static Stance stanceOf(int row) { return kStances[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Vertical headers are the stances' names (the chart's bar set labels).
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::array<int, 3> m_counts{};
};

} // namespace spheres
