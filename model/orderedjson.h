#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace spheres {

/// A JSON value whose object members keep the order they were added in (QJsonObject sorts them),
/// written indented for people: short lists and small objects stay on one line, everything else
/// gets a line per item, so that an edit shows in a diff as the lines it changed. Briefs
/// (BriefWriter) and `spheres link --json` are written with it.
class OrderedJson
{
public:
    static OrderedJson string(const QString &text);
    /// The shortest text that reads back as the same double; NaN and infinity as null.
    static OrderedJson number(double value);
    static OrderedJson boolean(bool value) { return raw(value ? "true" : "false"); }
    static OrderedJson array() { return container(Kind::Array); }
    static OrderedJson object() { return container(Kind::Object); }
    static OrderedJson strings(const QStringList &list);
    /// [longitude, latitude], or any other pair of numbers.
    static OrderedJson pair(double first, double second);

    /// Object: appends a member. Returns this value, so that calls chain.
    OrderedJson &add(const QString &key, OrderedJson value);
    /// Array: appends an item.
    OrderedJson &append(OrderedJson value);

    /// The whole document, ending in a newline.
    QByteArray toJson() const;

    /// `text` as a JSON string literal, quotes included. A lone surrogate, which has no UTF-8 form,
    /// is written as its escape, so that the string reads back equal.
    static QByteArray quoted(const QString &text);

private:
    enum class Kind { Scalar, Array, Object };

    static OrderedJson raw(const QByteArray &text);
    static OrderedJson container(Kind kind);
    QByteArray inlineForm() const;
    void write(int indent, int column, QByteArray &out) const;

    Kind m_kind = Kind::Scalar;
    QByteArray m_scalar;              ///< Scalar: the encoded JSON text
    std::vector<QString> m_keys;      ///< Object: member names, parallel to m_children
    std::vector<OrderedJson> m_children; ///< Array items or Object values
};

} // namespace spheres
