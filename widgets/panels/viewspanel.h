#pragma once

#include <QWidget>

class QListWidget;
class QPlainTextEdit;
class QPushButton;

class QLayout;

namespace spheres {

class BriefDocument;

/// The storyboard: the brief's saved views, to apply, add, update, rename, reorder and
/// delete. Every change is an undoable edit of the brief.
class ViewsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ViewsPanel(BriefDocument *document, QWidget *parent = nullptr);
    int currentIndex() const;
    void setCurrentIndex(int index);

signals:
    void applyRequested(int index);
    /// Asks for the current map state to be saved as a view (at `index`, or appended when -1).
    void captureRequested(int index);

private:
    QLayout *createButtons();
    void connectList();
    void reload();
    void move(int delta);
    void removeCurrent();
    void nameUpdateButton();

    BriefDocument *m_document;
    QListWidget *m_list = nullptr;
    QPlainTextEdit *m_caption = nullptr;
    QPushButton *m_update = nullptr;
};

} // namespace spheres
