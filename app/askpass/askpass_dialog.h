#pragma once

#include <QDialog>
#include <QString>

class QLineEdit;

namespace pr {

// The question ssh asks through SSH_ASKPASS (ssh(1), "SSH_ASKPASS"), as one
// small window: ssh runs the program with the prompt as its only argument
// and reads the answer from its standard output; a non-zero exit status is
// "cancelled". SSH_ASKPASS_PROMPT says when only a yes/no (confirm) or
// nothing at all (none: a notice ssh closes itself) is wanted.
class AskpassDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind
    {
        Secret,  // a password, passphrase or PIN: typed without echo
        Text,    // any other answer (a keyboard-interactive code)
        HostKey, // "Are you sure you want to continue connecting (yes/no/[fingerprint])?"
        Confirm, // SSH_ASKPASS_PROMPT=confirm: the exit status alone answers
        Notice,  // SSH_ASKPASS_PROMPT=none: shown until ssh ends it
    };

    // What ssh asks for, from its prompt and SSH_ASKPASS_PROMPT.
    static Kind kindOf(const QString& prompt, const QString& askpassPrompt);

    AskpassDialog(const QString& prompt, Kind kind, QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    // The typed answer (Secret and Text), once accepted.
    QString answer() const;

private:
    Kind m_kind;
    QLineEdit* m_answer = nullptr;
};

} // namespace pr
