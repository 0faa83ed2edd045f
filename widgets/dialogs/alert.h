#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace spheres {

/// Message boxes whose text is always plain text. QMessageBox's static functions guess rich
/// text from the first line, and the messages name files and quote what files say.
class Alert
{
public:
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void critical(QWidget *parent, const QString &title, const QString &text);
    /// A question with standard buttons; returns the button pressed.
    static QMessageBox::StandardButton ask(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                                           QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton);
};

} // namespace spheres
