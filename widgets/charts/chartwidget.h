#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QChart;
class QChartView;

namespace spheres {

/// What every chart of the charts panel shares: it follows the application palette (light or
/// dark) and font, and exports itself as PNG or SVG from its context menu.
class ChartWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ChartWidget(QWidget *parent = nullptr);

    /// Writes the chart to `path`: SVG when the name ends in ".svg", PNG at twice the device
    /// pixel ratio otherwise. Atomic (AtomicFile): a failure keeps the old file. Returns an error
    /// naming the file and the reason, empty on success.
    QString exportTo(const QString &path);
    /// True when the palette's window colour is dark.
    bool isDark() const;
    /// The chart views this widget draws with, top to bottom.
    const QList<QChartView *> &views() const { return m_views; }

protected:
    /// Creates a chart view for `chart` (taking ownership), styled by the palette.
    QChartView *addChartView(QChart *chart);
    /// Re-applies theme, fonts and colours after the palette, the font or the data changed.
    void restyle();
    /// Sets the series' own colours; called after the theme was applied (a theme resets them).
    virtual void styleSeries() = 0;
    /// A font `factor` times the widget's font, for titles and labels.
    QFont scaledFont(double factor) const;
    /// Tells assistive technology what `view` shows now; a chart of one view is described alike.
    void describe(QChartView *view, const QString &name, const QString &description);

    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void exportInteractively(const QString &suffix);

    QList<QChartView *> m_views;
    bool m_restyling = false;
};

} // namespace spheres
