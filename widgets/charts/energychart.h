#pragma once

#include "chartwidget.h"
#include "layer.h"

#include <QFontMetricsF>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalStackedBarSeries;
class QVBarModelMapper;
class QValueAxis;

class QGraphicsSimpleTextItem;

namespace spheres {

class CapacitySetsModel;
class PipelineCapacityModel;

/// Capacity of the pipelines that exist in the timeline's year: one horizontal bar per
/// pipeline, gas and oil in two charts stacked one above the other (their units differ:
/// bcm/y and Mt/y). Operating, under construction and planned lines differ by fill pattern and
/// by their label; pipelines outside the selection are faded. Clicking a bar selects it.
class EnergyChart : public ChartWidget
{
    Q_OBJECT
public:
    static constexpr std::array<const char *, 2> kCommodities{"gas", "oil"};

    explicit EnergyChart(QWidget *parent = nullptr);

    void setLayer(std::shared_ptr<const Layer> layer);
    void setYear(int year);
    int year() const;
    /// Emphasises the bars of these features ("pipelines/cagp-a") and fades the others (all of
    /// them for an empty list: a selection that concerns no pipeline). `subject` names the
    /// selection ("Kazakhstan") in the chart's accessible description.
    void setEmphasis(const QStringList &featureKeys, const QString &subject = {});
    /// Every bar at full strength (nothing selected).
    void clearEmphasis();
    /// The emphasised features; nullopt when nothing is emphasised.
    std::optional<QStringList> emphasis() const;

    /// The model behind the chart of `commodity` ("gas", "oil"), or nullptr.
    const PipelineCapacityModel *model(const QString &commodity) const;
    QHorizontalStackedBarSeries *series(const QString &commodity) const;
    /// Keys of the features drawn as bars, gas first, in row order.
    QStringList shownFeatures() const;
    /// The names written above the bars of `commodity`'s chart, as shown (elided or not).
    QStringList barNames(const QString &commodity) const;
    /// A bar's name within `width` pixels: whole if it fits; else its start elided, keeping the
    /// strand after its last comma ("…, Line D") and its status in brackets whole.
    static QString fittedBarName(const QString &name, const QFontMetricsF &metrics, double width);
    /// The length of a feature's bar as drawn (read back from the bar sets), or nullopt.
    std::optional<double> barValue(const QString &featureKey) const;
    /// Whether the feature's bar is drawn emphasised (false when it has no bar).
    bool isEmphasised(const QString &featureKey) const;

    /// What a click on bar `index` of `commodity`'s chart does: emits featureClicked.
    void activateBar(const QString &commodity, int index);

signals:
    void featureClicked(const QString &ref);

protected:
    void styleSeries() override;

private:
    struct Part
    {
        QString commodity;
        PipelineCapacityModel *model = nullptr;
        CapacitySetsModel *sets = nullptr;
        QHorizontalStackedBarSeries *series = nullptr;
        QVBarModelMapper *mapper = nullptr;
        QBarCategoryAxis *categories = nullptr;
        QValueAxis *values = nullptr;
        /// The pipelines' names, written above their bars: beside them, on the category axis,
        /// a narrow dock left them no room but "…".
        QList<QGraphicsSimpleTextItem *> names;
        QStringList nameTexts;
        double rangeTop = -1; ///< the value axis's top before nice numbers, to set it only when it changes
    };
    const Part *part(const QString &commodity) const;
    void updateAxes(Part &part);
    /// Places each bar's name above it, elided only where the plot is narrower than the name.
    void placeBarNames(Part &part);
    /// "Gas pipelines", "Oil pipelines": what the chart of `part` shows.
    QString what(const Part &part) const;
    /// The chart's title as text (Qt Charts shows titles as HTML: it is set escaped).
    QString titleOf(const Part &p) const;
    /// The accessible names and descriptions: the year, the emphasis and every bar in words.
    void updateDescriptions();
    QString describeBars(const Part &part) const;
    QColor colourOf(const QString &commodity) const;

    std::array<Part, 2> m_parts;
    QString m_subject;
};

} // namespace spheres
