#pragma once

#include "yearrange.h"

#include <QWidget>

class QLabel;
class QSlider;
class QTimer;
class QToolButton;

namespace spheres {

/// The timeline: a year slider with a play button that steps through the years, as of which
/// every layer is drawn.
class TimeSlider : public QWidget
{
    Q_OBJECT
public:
    /// From the Sino-Soviet border clash on Zhenbao/Damansky (March 1969), the earliest event a
    /// shipped layer dates on its own: every layer is dated that far back (pipelines from their
    /// opening, organisations from their founding, zones from the dispute's start).
    static constexpr YearRange kYears{1969, 2035};
    static_assert(YearRange::facts().contains(kYears), "the timeline shows only years a fact may carry");

    explicit TimeSlider(QWidget *parent = nullptr);
    int year() const;

public slots:
    void setYear(int year);
    void setPlaying(bool playing);
    void stepForward();

signals:
    void yearChanged(int year);

private:
    QSlider *m_slider = nullptr;
    QLabel *m_label = nullptr;
    QToolButton *m_play = nullptr;
    QTimer *m_timer = nullptr;
};

} // namespace spheres
