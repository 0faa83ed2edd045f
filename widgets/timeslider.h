#pragma once

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
    static constexpr int kFirstYear = 1991;
    static constexpr int kLastYear = 2035;

    explicit TimeSlider(QWidget *parent = nullptr);
    int year() const;
    bool isPlaying() const;

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
