#pragma once

#include "chartwidget.h"
#include "claim.h"

class QBarCategoryAxis;
class QBarSeries;
class QHBarModelMapper;
class QValueAxis;

namespace spheres {

class ClaimBalanceModel;

/// How the narrative's claims about the selection balance: one bar per stance (cooperation,
/// rivalry, context) in the stance colours, with its count and name.
class ClaimBalanceChart : public ChartWidget
{
    Q_OBJECT
public:
    explicit ClaimBalanceChart(QWidget *parent = nullptr);

    /// The claims to count and what they are about ("Kazakhstan"; empty: the whole brief).
    void setClaims(const QList<const Claim *> &claims, const QString &subject = {});
    QString subject() const { return m_subject; }
    const ClaimBalanceModel *model() const { return m_model; }
    QBarSeries *series() const { return m_series; }
    /// The bar drawn for `stance`, read back from the series.
    int barValue(Stance stance) const;

protected:
    void styleSeries() override;

private:
    void updateAxes();

    ClaimBalanceModel *m_model = nullptr;
    QBarSeries *m_series = nullptr;
    QHBarModelMapper *m_mapper = nullptr;
    QBarCategoryAxis *m_category = nullptr;
    QValueAxis *m_values = nullptr;
    QString m_subject;
};

} // namespace spheres
