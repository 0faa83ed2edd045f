#include "timeslider.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace spheres {

namespace {
constexpr int kStepMilliseconds = 700; // slow enough to read the map at each year
}

TimeSlider::TimeSlider(QWidget *parent) : QWidget(parent)
{
    m_play = new QToolButton;
    m_play->setCheckable(true);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setToolTip(tr("Play through the years"));
    m_play->setAccessibleName(tr("Play timeline"));
    m_slider = new QSlider(Qt::Horizontal);
    m_slider->setRange(kYears.first, kYears.last);
    m_slider->setPageStep(5);
    m_slider->setTickPosition(QSlider::TicksBelow);
    m_slider->setTickInterval(5);
    m_slider->setMinimumWidth(220);
    m_slider->setAccessibleName(tr("Year"));
    m_label = new QLabel;
    QFont bold = m_label->font();
    bold.setWeight(QFont::DemiBold);
    m_label->setFont(bold);
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("8888")) + 6);
    auto *yearLabel = new QLabel(tr("Year"));
    yearLabel->setBuddy(m_slider);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("The year as of which every layer is drawn"));
    setFocusProxy(m_play); // the timeline is one stop in the window's tab order, starting at Play
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(yearLabel);
    layout->addWidget(m_play);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);
    m_timer = new QTimer(this);
    m_timer->setInterval(kStepMilliseconds);
    connect(m_timer, &QTimer::timeout, this, &TimeSlider::stepForward);
    connect(m_play, &QToolButton::toggled, this, &TimeSlider::setPlaying);
    connect(m_slider, &QSlider::valueChanged, this, [this](int year) {
        m_label->setText(QString::number(year));
        m_slider->setAccessibleDescription(tr("The map shows %1").arg(year));
        emit yearChanged(year);
    });
    m_slider->setValue(2026);
    m_label->setText(QString::number(m_slider->value()));
}

int TimeSlider::year() const { return m_slider->value(); }

void TimeSlider::setYear(int year) { m_slider->setValue(year); }

void TimeSlider::setPlaying(bool playing)
{
    if (playing == m_timer->isActive())
        return;
    if (playing) {
        if (year() >= kYears.last)
            setYear(kYears.first);
        m_timer->start();
    } else {
        m_timer->stop();
    }
    m_play->setChecked(playing);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setAccessibleName(playing ? tr("Pause timeline") : tr("Play timeline")); // the icon is not read out
}

void TimeSlider::stepForward()
{
    if (year() >= kYears.last) {
        setPlaying(false);
        return;
    }
    setYear(year() + 1);
}

} // namespace spheres
