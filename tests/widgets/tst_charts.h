// The charts' tests: one program, tst_charts, whose slots are defined by topic across
// tst_charts*.cpp so that no file grows past 500 lines.
#pragma once

#include "atlas.h"
#include "document/briefdocument.h"
#include "briefio.h"
#include "charts/chartprinter.h"
#include "charts/chartspanel.h"
#include "charts/claimbalancechart.h"
#include "charts/energychart.h"
#include "charts/membershipchart.h"
#include "charts/viewchartsmenu.h"
#include "panels/contextpanel.h"
#include "dialogs/exportdialog.h"
#include "claimbalancemodel.h"
#include "claimfinder.h"
#include "geojsonreader.h"
#include "membershipcomparison.h"
#include "membershiptimelinemodel.h"
#include "layerpainter.h"
#include "mapstyle.h"
#include "pipelinecapacitymodel.h"
#include "../support/fulldisk.h"

#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace spheres;
using namespace Qt::StringLiterals;

class TestCharts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void barNamesAreReadableInANarrowDock_data();
    void barNamesAreReadableInANarrowDock();
    void barNamesKeepTheirStrandAndStatus_data();
    void barNamesKeepTheirStrandAndStatus();
    void init();
    void cleanup();
    void energyChartHasOneBarPerPipelineOfTheYear_data();
    void energyChartHasOneBarPerPipelineOfTheYear();
    void powerOfSiberiaComesOnStreamBetween2018And2020();
    void gasAndOilAreApartWithTheirUnits();
    void kazakhstanEmphasisesItsPipelines();
    void lazyChartsCatchUpWhenSeen();
    void featureSelectionEmphasisesOneBar();
    void clickingABarSelectsItsPipeline();
    void scoMemberCounts();
    void membershipChartFollowsTheLayerOnTop_data();
    void membershipChartFollowsTheLayerOnTop();
    void contextPanelGivesABlocsDatesAndSources_data();
    void contextPanelGivesABlocsDatesAndSources();
    void scoCursorFollowsTheYear();
    void clickingTheScoChartAsksForAYear();
    void claimCountsFollowTheSelection();
    void pngExportIsNotBlank();
    void svgExportParses();
    void exportErrorNamesTheFile();
    void fullDiskKeepsTheOldImage_data();
    void fullDiskKeepsTheOldImage();
    void darkPaletteGivesADarkChart();
    void chartsDescribeWhatTheyShow_data();
    void chartsDescribeWhatTheyShow();
    void chartPrinterDrawsAViewsChart_data();
    void chartPrinterDrawsAViewsChart();
    void chartPrinterFollowsTheView();
    void viewChartsMenuEditsTheViewUndoably_data();
    void viewChartsMenuEditsTheViewUndoably();
    void exportDialogOffersChartsForAPdfPack_data();
    void exportDialogOffersChartsForAPdfPack();

private:
    const Feature *pipeline(const QString &id) const { return m_pipelines->feature(id); }
    static double capacityOf(const Feature &f)
    {
        return f.properties.value(QStringLiteral("capacity")).toMap().value(QStringLiteral("value")).toDouble();
    }

    QList<std::shared_ptr<const Layer>> m_layers;
    std::shared_ptr<const Layer> m_pipelines;
    std::shared_ptr<const Layer> m_sco;
    std::shared_ptr<const Atlas> m_atlas;
    Brief m_brief;
    std::unique_ptr<ChartsPanel> m_panel;
};
