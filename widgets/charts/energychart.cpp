#include "energychart.h"
#include "safetext.h"
#include "capacitysetsmodel.h"
#include "pipelinecapacitymodel.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFontMetricsF>
#include <QGraphicsSimpleTextItem>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QVBarModelMapper>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace spheres {

namespace {
/// Of each category's slot: the bar's share; the rest holds the name above it.
constexpr double kBarWidth = 0.42;
} // namespace

EnergyChart::EnergyChart(QWidget *parent)
    : ChartWidget(parent)
{
    setWindowTitle(tr("Pipeline capacity"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    for (size_t i = 0; i < m_parts.size(); ++i) {
        Part &p = m_parts[i];
        p.commodity = QString::fromLatin1(kCommodities[i]);
        p.model = new PipelineCapacityModel(this);
        p.model->setCommodity(p.commodity);
        p.sets = new CapacitySetsModel(p.model, this);
        p.series = new QHorizontalStackedBarSeries;
        p.series->setBarWidth(kBarWidth);
        p.mapper = new QVBarModelMapper(this);
        p.mapper->setFirstBarSetColumn(0);
        p.mapper->setLastBarSetColumn(p.sets->columnCount() - 1);
        p.mapper->setSeries(p.series);
        p.mapper->setModel(p.sets);

        auto *chart = new QChart;
        chart->addSeries(p.series);
        p.categories = new QBarCategoryAxis;
        p.values = new QValueAxis;
        p.values->setLabelFormat(QStringLiteral("%d"));
        p.categories->setLabelsVisible(false); // the names stand above the bars
        p.categories->setGridLineVisible(false);
        chart->addAxis(p.categories, Qt::AlignLeft);
        chart->addAxis(p.values, Qt::AlignBottom);
        p.series->attachAxis(p.categories);
        p.series->attachAxis(p.values);
        // Each name says its status where it is not operating, and the bars' style matches the
        // map's: a legend would only repeat them, and took a narrow dock's room ("Under c…").
        chart->legend()->setVisible(false);
        chart->setMargins(QMargins(4, 4, 4, 4));
        layout->addWidget(addChartView(chart));
        connect(chart, &QChart::plotAreaChanged, this, [this, i] { placeBarNames(m_parts[i]); });

        connect(p.series, &QAbstractBarSeries::clicked, this,
                [this, commodity = p.commodity](int index, QBarSet *) { activateBar(commodity, index); });
        // The mapper rebuilds its bar sets on a reset (connected first, so it has run by now):
        // axes, labels and styles follow.
        connect(p.sets, &QAbstractItemModel::modelReset, this, [this, i] {
            updateAxes(m_parts[i]);
            styleSeries();
            updateDescriptions();
        });
        connect(p.sets, &QAbstractItemModel::dataChanged, this, [this, i] {
            updateAxes(m_parts[i]);
            styleSeries();
            updateDescriptions();
        });
    }
    restyle();
    updateDescriptions();
}

const EnergyChart::Part *EnergyChart::part(const QString &commodity) const
{
    for (const Part &p : m_parts)
        if (p.commodity == commodity)
            return &p;
    return nullptr;
}

void EnergyChart::setLayer(std::shared_ptr<const Layer> layer)
{
    for (Part &p : m_parts)
        p.model->setLayer(layer);
}

void EnergyChart::setYear(int year)
{
    for (Part &p : m_parts)
        p.model->setYear(year);
}

int EnergyChart::year() const { return m_parts[0].model->year(); }

void EnergyChart::setEmphasis(const QStringList &featureKeys, const QString &subject)
{
    m_subject = subject;
    for (Part &p : m_parts)
        p.sets->setEmphasis(featureKeys);
    updateDescriptions(); // the subject may change while the emphasised bars do not
}

void EnergyChart::clearEmphasis()
{
    m_subject.clear();
    for (Part &p : m_parts)
        p.sets->clearEmphasis();
    updateDescriptions();
}

std::optional<QStringList> EnergyChart::emphasis() const { return m_parts[0].sets->emphasis(); }

const PipelineCapacityModel *EnergyChart::model(const QString &commodity) const
{
    const Part *p = part(commodity);
    return p ? p->model : nullptr;
}

QHorizontalStackedBarSeries *EnergyChart::series(const QString &commodity) const
{
    const Part *p = part(commodity);
    return p ? p->series : nullptr;
}

QStringList EnergyChart::shownFeatures() const
{
    QStringList out;
    for (const Part &p : m_parts)
        for (int row = 0; row < p.model->rowCount(); ++row)
            out << p.model->featureKey(row);
    return out;
}

QStringList EnergyChart::barNames(const QString &commodity) const
{
    QStringList out;
    if (const Part *p = part(commodity))
        for (const QGraphicsSimpleTextItem *item : p->names)
            if (item->isVisible())
                out << item->text();
    return out;
}

std::optional<double> EnergyChart::barValue(const QString &featureKey) const
{
    for (const Part &p : m_parts) {
        const int row = p.model->rowOf(featureKey);
        if (row < 0)
            continue;
        double sum = 0;
        for (QBarSet *set : p.series->barSets())
            if (row < set->count())
                sum += set->at(row);
        return sum;
    }
    return std::nullopt;
}

bool EnergyChart::isEmphasised(const QString &featureKey) const
{
    for (const Part &p : m_parts) {
        const int row = p.model->rowOf(featureKey);
        if (row < 0)
            continue;
        const QList<QBarSet *> sets = p.series->barSets();
        for (int column = 0; column < sets.size(); ++column)
            if (CapacitySetsModel::isEmphasisColumn(column) && row < sets[column]->count() && sets[column]->at(row) > 0)
                return true;
        return false;
    }
    return false;
}

void EnergyChart::activateBar(const QString &commodity, int index)
{
    const Part *p = part(commodity);
    if (p && index >= 0 && index < p->model->rowCount())
        emit featureClicked(p->model->featureKey(index));
}

void EnergyChart::updateAxes(Part &p)
{
    // Categories come from the model's row headers: the name, and the status unless operating.
    QStringList categories;
    for (int row = 0; row < p.sets->rowCount(); ++row) {
        QString label = p.sets->headerData(row, Qt::Vertical).toString();
        if (categories.contains(label)) // the axis drops duplicates, which would shift the bars
            label += QStringLiteral(" [%1]").arg(p.model->index(row, PipelineCapacityModel::Id).data().toString());
        categories << label;
    }
    p.nameTexts = categories; // plain text items: no markup to escape
    for (QString &label : categories) // Qt Charts shows labels as HTML; names come from files
        label = SafeText::html(label);
    // Emphasis changes on every click keep the rows: Qt Charts lays the whole chart out again on
    // any axis or title change, even to the same value (most of a click's cost): set what changed.
    if (p.categories->categories() != categories)
        p.categories->setCategories(categories);

    double max = 0;
    for (int row = 0; row < p.model->rowCount(); ++row)
        max = std::max(max, p.model->index(row, PipelineCapacityModel::Capacity).data().toDouble());
    if (const double top = max > 0 ? max * 1.08 : 1.0; top != p.rangeTop) {
        p.rangeTop = top;
        p.values->setRange(0, top);
        p.values->applyNiceNumbers();
    }

    const QStringList units = p.model->units();
    const QString unit = units.isEmpty() ? tr("no capacity given") : units.join(QStringLiteral(", "));
    if (const QString axisTitle = SafeText::html(tr("Capacity (%1)").arg(unit)); p.values->titleText() != axisTitle)
        p.values->setTitleText(axisTitle);
    if (const QString title = SafeText::html(titleOf(p)); p.series->chart()->title() != title)
        p.series->chart()->setTitle(title);

    placeBarNames(p);

    // More pipelines, more room: the charts share the height by their number of bars, and
    // each keeps a name's line and a bar's per pipeline, plus title and axis.
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        for (size_t i = 0; i < m_parts.size(); ++i) {
            box->setStretch(int(i), m_parts[i].model->rowCount() + 3);
            const double line = QFontMetricsF(scaledFont(0.9)).height();
            views()[int(i)]->setMinimumHeight(int(line * (2.1 * m_parts[i].model->rowCount() + 5)));
        }
}

QString EnergyChart::fittedBarName(const QString &full, const QFontMetricsF &metrics, double width)
{
    if (metrics.horizontalAdvance(full) <= width)
        return full;
    // The status in brackets at the end stays whole, and so does the strand after the last
    // comma ("…, Line D"), which tells a line from its twins: the start of the name gives way.
    const qsizetype aside = full.endsWith(u')') ? full.lastIndexOf(QStringLiteral(" (")) : -1;
    const QString status = aside > 0 ? full.mid(aside) : QString();
    const QString name = aside > 0 ? full.left(aside) : full;
    const qsizetype comma = name.lastIndexOf(QStringLiteral(", "));
    const QString strand = comma > 0 ? name.mid(comma) : QString();
    const QString head = comma > 0 ? name.left(comma) : name;
    const double room = width - metrics.horizontalAdvance(strand + status);
    if (!strand.isEmpty() && room >= metrics.horizontalAdvance(QStringLiteral("W…")))
        return metrics.elidedText(head, Qt::ElideRight, room) + strand + status; // "Central…, Line D", or "C…, Line D"
    return metrics.elidedText(name, Qt::ElideRight, width - metrics.horizontalAdvance(status)) + status;
}

void EnergyChart::placeBarNames(Part &p)
{
    QChart *chart = p.series->chart();
    if (!chart)
        return;
    while (p.names.size() < p.nameTexts.size()) {
        auto *item = new QGraphicsSimpleTextItem(chart);
        item->setAcceptedMouseButtons(Qt::NoButton); // clicks go to the bars
        p.names << item;
    }
    const QRectF plot = chart->plotArea();
    const QFont font = scaledFont(0.9);
    const QFontMetricsF metrics(font);
    const QColor text = palette().color(QPalette::WindowText);
    for (qsizetype row = 0; row < p.names.size(); ++row) {
        QGraphicsSimpleTextItem *item = p.names[row];
        item->setVisible(row < p.nameTexts.size() && plot.width() > 0);
        if (!item->isVisible())
            continue;
        // Category `row` is centred on y = row; its bar's top edge is half a bar width above.
        const QPointF barTop = chart->mapToPosition(QPointF(0, double(row) + kBarWidth / 2), p.series);
        item->setFont(font);
        item->setBrush(text);
        item->setText(fittedBarName(p.nameTexts[row], metrics, plot.width() - 2));
        item->setPos(plot.left() + 1, barTop.y() - metrics.height() - 1);
    }
}

QString EnergyChart::titleOf(const Part &p) const
{
    const QString year = QString::number(p.model->year());
    return p.model->rowCount() > 0 ? tr("%1 in %2").arg(what(p), year) : tr("%1: none in %2").arg(what(p), year);
}

QString EnergyChart::what(const Part &p) const
{
    if (p.commodity == u"gas")
        return tr("Gas pipelines");
    if (p.commodity == u"oil")
        return tr("Oil pipelines");
    return tr("Pipelines (%1)").arg(p.commodity);
}

QString EnergyChart::describeBars(const Part &p) const
{
    QStringList bars;
    for (int row = 0; row < p.sets->rowCount(); ++row) {
        const QVariant capacity = p.model->index(row, PipelineCapacityModel::Capacity).data();
        // The full name, not the axis' shortened one: a screen reader has no context panel beside it.
        QString name = p.model->index(row, PipelineCapacityModel::Name).data().toString();
        if (const QString status = p.model->index(row, PipelineCapacityModel::Status).data().toString();
            CapacitySetsModel::groupOf(status) != CapacitySetsModel::Operating && !name.contains(status))
            name += QStringLiteral(" (%1)").arg(status);
        QString bar = tr("%1: %2").arg(name,
                                       capacity.isNull() ? tr("capacity not given")
                                                         : QStringLiteral("%1 %2").arg(capacity.toDouble()).arg(
                                                               p.model->index(row, PipelineCapacityModel::Unit).data().toString()));
        if (emphasis() && p.sets->isEmphasised(row))
            bar += tr(", emphasised");
        bars << bar;
    }
    return bars.join(QStringLiteral("; "));
}

void EnergyChart::updateDescriptions()
{
    int total = 0, emphasised = 0;
    for (const Part &p : m_parts) {
        total += p.model->rowCount();
        for (int row = 0; row < p.model->rowCount(); ++row)
            emphasised += emphasis() && p.sets->isEmphasised(row) ? 1 : 0;
    }
    // Counts after a colon: right in English whatever the number, with no translation file.
    QString summary = tr("Pipeline capacity in %1, pipelines shown: %2").arg(year()).arg(total);
    if (emphasis())
        summary += m_subject.isEmpty() ? tr(", emphasised: %1").arg(emphasised)
                                       : tr(", emphasised for %1: %2").arg(m_subject, QString::number(emphasised));
    setAccessibleName(summary);
    QStringList parts;
    for (size_t i = 0; i < m_parts.size() && int(i) < views().size(); ++i) {
        const Part &p = m_parts[i];
        const QString bars = describeBars(p);
        const QString text = bars.isEmpty() ? tr("%1 in %2: none.").arg(what(p), QString::number(year()))
                                            : tr("%1 in %2, by capacity: %3.").arg(what(p), QString::number(year()), bars);
        describe(views()[int(i)], titleOf(p), text);
        parts << text;
    }
    setAccessibleDescription(parts.join(u' '));
}

QColor EnergyChart::colourOf(const QString &commodity) const
{
    // As on the map (LayerPainter::pipelinePen): gas vermilion, oil near-black — lightened on a
    // dark background, where black would vanish.
    if (commodity == u"gas")
        return QColor(0xd5, 0x5e, 0x00);
    return isDark() ? QColor(0xc8, 0xc8, 0xc8) : QColor(0x1a, 0x1a, 0x1a);
}

void EnergyChart::styleSeries()
{
    for (Part &p : m_parts) {
        if (!p.series || !p.series->chart())
            continue;
        const QColor background = palette().color(QPalette::Base);
        // Outside the selection: neutral grey, so that a faded bar never passes for a lighter
        // (not yet operating) one.
        const QColor faded = isDark() ? QColor(0x70, 0x70, 0x70) : QColor(0xa8, 0xa8, 0xa8);
        auto blend = [&](const QColor &base, double strength) {
            return QColor::fromRgbF(float(base.redF() * strength + background.redF() * (1 - strength)),
                                    float(base.greenF() * strength + background.greenF() * (1 - strength)),
                                    float(base.blueF() * strength + background.blueF() * (1 - strength)));
        };
        const QList<QBarSet *> sets = p.series->barSets();
        for (int column = 0; column < sets.size(); ++column) {
            QBarSet *set = sets[column];
            const auto group = CapacitySetsModel::groupOfColumn(column);
            // Status by lightness and outline, as the map tells it by dashes: solid for operating,
            // lighter and dashed for under construction, palest and dotted for planned. (Not by
            // fill pattern: Qt 6.4's SVG reader cannot read back the patterns it writes.)
            double strength = 1.0;
            Qt::PenStyle outline = Qt::SolidLine;
            switch (group) {
            case CapacitySetsModel::Operating: break;
            case CapacitySetsModel::UnderConstruction: strength = 0.5; outline = Qt::DashLine; break;
            case CapacitySetsModel::Planned: strength = 0.2; outline = Qt::DotLine; break;
            case CapacitySetsModel::Other:
            case CapacitySetsModel::GroupCount: strength = 0.35; outline = Qt::DashDotLine; break;
            }
            const QColor base = CapacitySetsModel::isEmphasisColumn(column) ? colourOf(p.commodity) : faded;
            const QColor fill = blend(base, strength);
            const QColor line = base;
            set->setBrush(fill);
            QPen pen(line, 1.5, outline);
            pen.setCosmetic(true);
            set->setPen(pen);
        }
        // The legend names the statuses once; the faded twins and empty statuses stay out of it.
        QLegend *legend = p.series->chart()->legend();
        const QList<QLegendMarker *> markers = legend->markers(p.series);
        for (int column = 0; column < markers.size() && column < sets.size(); ++column)
            markers[column]->setVisible(CapacitySetsModel::isEmphasisColumn(column) && [&] {
                const auto group = CapacitySetsModel::groupOfColumn(column);
                for (int row = 0; row < p.model->rowCount(); ++row)
                    if (CapacitySetsModel::groupOf(p.model->index(row, PipelineCapacityModel::Status).data().toString()) == group)
                        return true;
                return false;
            }());
        placeBarNames(p); // their colour follows the palette
    }
}

} // namespace spheres
