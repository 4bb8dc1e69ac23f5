<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CommandLine</name>
    <message>
        <source>Record network traffic to pcap files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start recording immediately.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the recording to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture filter (pcap syntax).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format: pcap, pcap-us or pcapng.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after this many packets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot length in bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snaplen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put the interface into promiscuous mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A capture file to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at most one capture file to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-k records a new capture; it cannot be combined with a file to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-b files:N needs -b filesize:KB or -b duration:SECONDS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface to record on (&quot;any&quot; for all); repeat it to record several into one pcapng file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-i is given %1 times: at most %2 interfaces at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-i %1 is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-i any records every interface: it cannot be combined with other interfaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pcap file holds one interface: use -F pcapng to record several.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel ring buffer in MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mebibytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not update the list of packets while recording; it shows them when the recording stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop automatically: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a set of files (a ring buffer): %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: use a number of seconds above 0 and at most %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: use %3 to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is too long: at most %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid %1 &quot;%2&quot;: use one of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid %1 condition &quot;%2&quot;: use %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other machines are recorded into a pcapng file: use -F pcapng or leave -F out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SshFailure</name>
    <message>
        <source>The host key of %1 has changed, so someone may be intercepting the connection; if the change is expected, remove its old key from known_hosts with ssh-keygen -R and connect again.</source>
        <extracomment>%1 is a machine (user@host or a name from ~/.ssh/config). &quot;ssh-keygen -R&quot; is a command: keep it as it is.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 has changed, so someone may be intercepting the connection; if the change is expected, remove the old key (%2) with %3 and connect again.</source>
        <extracomment>%1 is a machine, %2 the known_hosts file and line ssh names (&quot;/home/u/.ssh/known_hosts:3&quot;), %3 the command that removes that line (keep it as it is).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 is not known, and the dialog that asks whether to accept it could not be shown (%2).</source>
        <extracomment>%1 is a machine, %2 ssh&apos;s reason, in English (&quot;exec(...): No such file or directory&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host key of %1 is not known and was not accepted, so no connection was made.</source>
        <extracomment>%1 is a machine. ssh had never seen its host key, and the user (or a setting such as StrictHostKeyChecking) did not accept it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the login as %2: the password or key was not accepted (the machine offers: %3).</source>
        <extracomment>%1 is a machine, %2 the user name, %3 ssh&apos;s names of the login methods the machine offers (&quot;publickey, password&quot;): keep those words as they are</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the login: the password or key was not accepted (the machine offers: %2).</source>
        <extracomment>%1 is a machine, %2 ssh&apos;s names of the login methods the machine offers (&quot;publickey, password&quot;): keep those words as they are</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found: no machine is named %2 (check the spelling, or the Host entry in ~/.ssh/config).</source>
        <extracomment>%1 is a machine, %2 the host name ssh looked up (the same, or its HostName in ~/.ssh/config)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found: the name %2 could not be looked up (no name server answered; is this computer connected?).</source>
        <extracomment>%1 is a machine, %2 the host name ssh looked up</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be found: the name %2 could not be resolved (%3).</source>
        <extracomment>%1 is a machine, %2 the host name ssh looked up, %3 the reason, in English</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2: no SSH server listens there, or a firewall rejects it.</source>
        <extracomment>%1 is a machine, %2 a TCP port number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer on port %2 (the connection timed out): the machine may be off, or a firewall drops the connection.</source>
        <extracomment>%1 is a machine, %2 a TCP port number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached: there is no route to it (the machine may be off, or on another network).</source>
        <extracomment>%1 is a machine</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached: its network is unreachable from this computer.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be reached on port %2: %3.</source>
        <extracomment>%1 is a machine, %2 a TCP port number, %3 the reason, in English</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>%1 is a machine, %2 the last line ssh (or the remote command) wrote, in English</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh could not connect to %1 and did not say why.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command on %1 ended with exit status %2.</source>
        <extracomment>%1 is a machine, %2 a number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %1, the program %2 was not found.</source>
        <extracomment>%1 is a machine, %2 the program its shell could not find</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On %1, a program of the remote command was not found (exit status 127).</source>
        <extracomment>%1 is a machine; 127 is the shell&apos;s &quot;command not found&quot; exit status</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the login: too many keys were tried (choose the right one with IdentityFile and IdentitiesOnly in ~/.ssh/config).</source>
        <extracomment>%1 is a machine. IdentityFile and IdentitiesOnly are ssh settings: keep them as they are</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted the connection, but its SSH server did not answer in time.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was lost: the machine stopped answering.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 broke off (broken pipe).</source>
        <extracomment>%1 is a machine; &quot;broken pipe&quot; is what ssh said</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to %1 was reset, by the machine or by something on the way.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection (the session was ended there, or the machine is shutting down).</source>
        <extracomment>%1 is a machine</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed the connection before the login completed.</source>
        <extracomment>%1 is a machine</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ended the connection: %2.</source>
        <extracomment>%1 is a machine, %2 the reason its SSH server gave, in English</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::AddRemoteMachineDialog</name>
    <message>
        <source>Add Remote Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet Recorder records the machine through your own ssh: its keys, agent, ~/.ssh/config and known hosts. A password or a new host key is asked in a dialog and never stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alice@web1, web1:2222 or a Host alias</source>
        <extracomment>Placeholder of the machine field; keep the examples as they are</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you would type after &quot;ssh&quot;: user@host, host, host:port or a Host alias of ~/.ssh/config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compress the channel (ssh -C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fewer bytes on a slow link, more CPU on both ends; of little use on a fast local network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Machine:</source>
        <extracomment>Label of the field for user@host or a Host alias</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <extracomment>The dialog&apos;s OK button</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the list already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> bytes</source>
        <extracomment>Unit after the per-machine snap length</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes kept of each packet on this machine: 96 or 128 keep the headers only, for a slow link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snap length there:</source>
        <extracomment>Label of the per-machine snap length</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::AskpassDialog</name>
    <message>
        <source>ssh does not know the key of this machine yet. Connect only if the fingerprint below is the one its administrator gives you; ssh then remembers the key in known_hosts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect and remember this key</source>
        <extracomment>Button of the dialog that asks whether to trust a machine ssh has not seen before</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <extracomment>Button of the same dialog: do not connect (ssh is told &quot;no&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::CaptureFileReader</name>
    <message>
        <source>Not a pcap or pcapng file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file ends inside the packet at offset %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libpcap could not set up a writer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written completely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown file format &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link type %1 cannot be stored in a pcapng file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::CaptureFileScanner</name>
    <message>
        <source>The file is damaged at byte %1: %2</source>
        <extracomment>%1 is a byte offset in the file, %2 says what is wrong there</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file header where a packet was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a pcap or pcapng file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a packet of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a section header of unknown byte order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a block of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a section of an unknown pcapng version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a block outside any section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a block whose two lengths differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a packet of interface %1, which the file has not described</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::CaptureOptionsWidget</name>
    <message>
        <source>Capture filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture filter status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> bytes</source>
        <extracomment>Unit suffix of the snapshot length spin box</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes kept of each packet; longer packets are truncated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snapshot length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promiscuous mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promiscuous mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also record frames addressed to other hosts on the same network segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MiB</source>
        <extracomment>Unit suffix: mebibytes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel buffer size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory the kernel fills while the recorder writes; larger survives longer bursts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel &amp;buffer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcap (nanosecond)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcap (microsecond)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcapng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsecond pcap suits older tools; pcapng keeps interface names and direction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File &amp;format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &amp;duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after a duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>Unit suffix: seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After file &amp;size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after a file size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File size in MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &amp;packets:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after a packet count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture filter is invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a folder for the recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for recordings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect when Packet Recorder is restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split into se&amp;veral files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split the recording into several files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new file when it reaches a size or after a time, whichever comes first. Wireshark opens the files as a set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New file every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new file at a size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <extracomment>Unit suffix: megabytes (1,000,000 bytes)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File size in MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New file after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new file after a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time per file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit of the time per file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep only the newest:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep only the newest files (ring buffer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ring buffer: when a new file starts, the oldest beyond this number is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of files to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose when a new file starts: at a size, after a time, or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>second(s)</source>
        <extracomment>Unit of the time per file, after a number</extracomment>
        <translation>
            <numerusform>second</numerusform>
            <numerusform>seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>minute(s)</source>
        <extracomment>Unit of the time per file, after a number</extracomment>
        <translation>
            <numerusform>minute</numerusform>
            <numerusform>minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> file(s)</source>
        <extracomment>Unit suffix of the number of files to keep, after the number</extracomment>
        <translation>
            <numerusform> file</numerusform>
            <numerusform> files</numerusform>
        </translation>
    </message>
    <message>
        <source>Each file gets a number and its start time: %1, %2, …</source>
        <extracomment>%1 and %2 are the ends of example file names of a split recording</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs</source>
        <extracomment>Options group: which program sent each packet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show which &amp;program sent each packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names the program and user behind each TCP and UDP packet, in the Programs view and the packet list&apos;s Program column. Other users&apos; programs are shown by their account only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write each packet&apos;s program into the file (pcapng comment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wireshark shows the comment with each packet and finds a program&apos;s packets with the filter frame.comment contains &quot;curl&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pcap file has nowhere to store it: choose pcapng to keep the programs in the file.</source>
        <extracomment>Options note, shown when the file format is pcap</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show which program sent each packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write each packet&apos;s program into the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After f&amp;iles:</source>
        <comment>Stop automatically after this many files of a set</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a split recording: stop once this many files are finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New file every N pac&amp;kets:</source>
        <comment>Start the next file of a set after this many packets (dumpcap -b packets)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the next file of the set after this many packets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Immediate mode</source>
        <comment>tcpdump&apos;s name: hand each packet over at once, not in blocks</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets reach the file and the list within a millisecond instead of in blocks of up to 50 ms, for more wake-ups while traffic is light.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Update list of packets in real time</source>
        <comment>Wireshark&apos;s name for showing packets in the list while recording</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off, a long recording costs the window nothing: the list shows the packets when the recording stops.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::CaptureStatusBar</name>
    <message>
        <source>Status bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets dropped by the kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording on %1</source>
        <extracomment>Status bar while a recording runs; %1 is an interface name such as eth0.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <extracomment>Status bar after File &gt; Open</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>avg %1</source>
        <extracomment>Status bar: average data rate since the recording started</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 dropped</source>
        <extracomment>Status bar: packets the kernel dropped because the capture buffer was full</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <extracomment>Status bar: %1 is the file size, %2 the file path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for permission to record on %1…</source>
        <extracomment>Status bar while the password prompt for recording is open; %1 is an interface name such as eth0</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting to record on %1…</source>
        <extracomment>Status bar between clicking Record and the helper&apos;s start; %1 is an interface name such as eth0</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln packet(s)</source>
        <extracomment>Status bar: packets recorded so far</extracomment>
        <translation>
            <numerusform>%Ln packet</numerusform>
            <numerusform>%Ln packets</numerusform>
        </translation>
    </message>
    <message>
        <source>File of the set</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>file %1, %Ln kept</source>
        <extracomment>Status bar, a recording split into a set of files: %1 is the number of the file being written, %Ln how many files of the set are on disk</extracomment>
        <translation>
            <numerusform>file %1, %Ln kept</numerusform>
            <numerusform>file %1, %Ln kept</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %p%</source>
        <extracomment>Progress bar in the status bar while an opened file is read; %p is the percentage</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop reading the file: the list keeps the packets read so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ended</source>
        <extracomment>Status bar: some interfaces of a recording ended, the others go on; %1 lists them (&quot;web2:eth0 and web3:eth0&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 over ssh</source>
        <extracomment>Status bar, recording other machines: %1 the bytes their ssh connections carried to this computer</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ssh connections carried %1 to record the %2 of the file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::FilterLineEdit</name>
    <message>
        <source>The filter is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libpcap could not open a compiler for this link type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture filter, e.g. tcp port 443 or host 192.0.2.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A libpcap filter expression; empty records every packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No filter: every packet is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter is valid.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::FrameDecoder</name>
    <message>
        <source>[First %1 bytes only]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Only the first %1 bytes of the frame are shown]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Truncated %1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[Malformed: %1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link type %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link type %1 (not decoded), %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethernet II</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethernet header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethernet II, Src: %1, Dst: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IEEE 802.3, length %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IEEE 802.3 Ethernet, Src: %1, Dst: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux cooked capture v2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux cooked header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link-layer address type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet type: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link-layer address length: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethernet II, type %1, %2 bytes of payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than 8 stacked VLAN tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VLAN tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, PRI: %2, DEI: %3, ID: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEI: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VLAN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address Resolution Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opcode %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address Resolution Protocol (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware size: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol size: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opcode: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARP %1 (hardware size %2, protocol size %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender MAC address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender IP address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target MAC address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target IP address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARP Announcement for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who has %1? Tell %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARP opcode %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet Protocol Version 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet Protocol Version 4, Src: %1, Dst: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header Length: %1 bytes (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differentiated Services Field: %1 (DSCP: %2, ECN: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total Length: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identification: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved bit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More fragments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags: %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragment Offset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to Live: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header Checksum: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source Address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination Address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 version field is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 header length %1 &lt; 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 total length %1 &lt; header length %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options: (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 [Malformed option]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv4 options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragmented IP protocol (proto=%1 %2, off=%3, ID=%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragment data (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet Protocol Version 6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet Protocol Version 6, Src: %1, Dst: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic Class: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow Label: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload Length: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Header: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Header: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hop Limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 version field is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 extension header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, length %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 extension header beyond the payload length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 fragment header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fragment Header, offset %1, %2, ID %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more fragments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 fragment (off=%1 more=%2 ident=%3 nxt=%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many IPv6 extension headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No next header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 payload length %1 too small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP protocol %1, %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 data (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain Name System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS message shorter than its 12-byte header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain Name System (response)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain Name System (query)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer RRs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authority RRs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Additional RRs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: type %2, class %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: type %2, ttl %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS record runs past the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transmission Control Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP header beyond the IP payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transmission Control Protocol, Src Port: %1, Dst Port: %2, Seq: %3, Ack: %4, Len: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source Port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination Port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence Number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgment Number: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent Pointer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP header length %1 &lt; 20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP header length %1 beyond the IP payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1 (multiply by %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: TSval %1, TSecr %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP payload (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User Datagram Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UDP header beyond the IP payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UDP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User Datagram Protocol, Src Port: %1, Dst Port: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UDP length %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet Control Message Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMP header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMP echo header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier (BE): %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence Number (BE): %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original datagram (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMPv6 option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMPv6 option of length 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMPv6 Option (type %1, %2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source link-layer address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target link-layer address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix information (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MTU (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internet Control Message Protocol v6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMPv6 header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMPv6 echo header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifier: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sequence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMPv6 router message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ICMPv6 neighbor message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Router</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solicited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target Address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> is at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message body (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unicast to us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broadcast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multicast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unicast to another host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux cooked capture v1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::HelperClient</name>
    <message>
        <source>Recording did not start: the permission service (polkit) is not running, so there is no one to ask for a password. Ask your administrator to start polkit and the system D-Bus, or to let you record without a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording did not start: no password prompt could be shown, because no polkit authentication agent is running in this session. Log in to a desktop session that has one, or start one (such as lxpolkit or polkit-kde-agent-1), then click Record again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording did not start: the password prompt was closed. Click Record again and enter the password to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording did not start: the password was not accepted, or your account is not allowed to record. Try again, or ask your administrator for permission to record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording did not start: pkexec could not start the recording helper (exit code %1).</source>
        <extracomment>%1 is pkexec&apos;s exit code</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It reported: %1</source>
        <extracomment>Follows the sentence above; %1 is pkexec&apos;s last message (English)
----------
Follows the crash sentence; %1 is the helper&apos;s last log line (English)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording is restricted on this computer: your account may not run the recording helper %1. Ask your administrator for access, or reinstall Packet Recorder if recording used to work.</source>
        <extracomment>%1 is the path of the helper program</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording helper is not installed: there is no %1. Reinstall Packet Recorder (the packet-recorder package) to restore it.</source>
        <extracomment>%1 is the path of the helper program</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording helper is not installed: %1 is not a program. Reinstall Packet Recorder (the packet-recorder package) to restore it.</source>
        <extracomment>%1 is the path of the helper program</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording needs pkexec to ask for your password, and it is not installed (there is no %1). Install the pkexec package, or ask your administrator to.</source>
        <extracomment>%1 is where pkexec was looked for, such as /usr/bin/pkexec</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a channel to the recording helper: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording helper sent a message that could not be read; the recording was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording helper (version %1) does not match this application; please reinstall it.</source>
        <extracomment>%1 is a version number like 0.1.0</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording helper crashed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording helper exited unexpectedly (exit code %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start %1: %2.</source>
        <extracomment>%1 is a program path, %2 the system&apos;s reason</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::InterfaceListModel</name>
    <message>
        <source>All interfaces (any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record from every interface at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (index %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No carrier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic (last minute)</source>
        <extracomment>Column with a small graph of the last minute of traffic</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: %1
Peak in the last minute: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::InterfacePicker</name>
    <message>
        <source>Interfaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network interfaces with their state, addresses and recent traffic</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::LanguageSetting</name>
    <message>
        <source>System</source>
        <extracomment>Language setting: follow the desktop&apos;s language</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::MainWindow</name>
    <message>
        <source>Packet Recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interfaces</source>
        <extracomment>Tab title: the list of network interfaces</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interfaces and options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <extracomment>Tab title: capture filter, file format, output folder, auto-stop</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop recording and finish the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Options…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the capture options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a saved capture file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recording under another name or format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;Wireshark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the capture file in Wireshark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Containing &amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the folder that holds the capture file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-Scroll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the newest packet in view while recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds Since &amp;Start</source>
        <extracomment>View &gt; Time Format: seconds since the first packet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time of Day</source>
        <extracomment>View &gt; Time Format: wall-clock time of day</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Packet Recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Packet Recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Packet Recorder %1&lt;/h3&gt;&lt;p&gt;Records network traffic to pcap and pcapng files that open in Wireshark, tcpdump and every other pcap tool.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent captures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time &amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start recording on the selected interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will be asked for your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recording is running. Stop it and keep the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the recording before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep File</source>
        <extracomment>Button: keep the recorded file where it is</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete File</source>
        <extracomment>Button: delete the recorded file</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recording is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Wireshark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <extracomment>Short toolbar label of File &gt; Open Containing Folder</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcap, nanosecond timestamps (*.pcap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcap, microsecond timestamps, for older tools (*.pcap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcapng (*.pcapng)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Capture As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture could not be saved. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Capture File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the recording before opening another file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be opened. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wireshark is not installed. The capture file is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wireshark could not be started. The capture file is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager could be started. The capture file is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet Recorder has no permission to capture on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface %1 is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface %1 is down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet Recorder cannot record on %1: its link type is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture filter is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture file cannot be written. Is the disk full, or the output folder read-only?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture helper stopped unexpectedly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture helper belongs to another version of Packet Recorder. Reinstall the application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A capture option is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an interface to record on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the previous recording?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No packets yet.
Choose an interface and click Record (%1), or double-click the interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for packets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no finished capture to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no interface named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for permission to record…
Answer the password prompt to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture files (*.pcap *.pcapng *.cap *.dmp *.ntar)</source>
        <extracomment>File &gt; Open filter; keep the patterns in parentheses as they are</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcap (*.pcap *.cap *.dmp)</source>
        <extracomment>File &gt; Open filter; keep the patterns in parentheses as they are</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pcapng (*.pcapng *.ntar)</source>
        <extracomment>File &gt; Open filter; keep the patterns in parentheses as they are</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <extracomment>File &gt; Open filter; keep the pattern in parentheses as it is</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ring buffer is larger than this user may reserve.</source>
        <extracomment>The helper&apos;s message follows with the limit in MiB.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already run as many recordings at once as one user may.</source>
        <extracomment>The helper&apos;s message follows with the number of recordings allowed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture file already exists and was not replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Recorded %Ln packet(s) to %1.</source>
        <extracomment>After a recording; %1 is a file path</extracomment>
        <translation>
            <numerusform>Recorded %Ln packet to %1.</numerusform>
            <numerusform>Recorded %Ln packets to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The disk of %1 is full, so the recording stopped. %Ln packet(s) were recorded to %2 and %3 were lost. The file is complete up to the last recorded packet.</source>
        <extracomment>The recording stopped on a full disk. %1 is the output folder, %2 the file, %3 the number of packets that did not fit. The file is complete and usable.</extracomment>
        <translation>
            <numerusform>The disk of %1 is full, so the recording stopped. %Ln packet was recorded to %2 and %3 were lost. The file is complete up to the last recorded packet.</numerusform>
            <numerusform>The disk of %1 is full, so the recording stopped. %Ln packets were recorded to %2 and %3 were lost. The file is complete up to the last recorded packet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %2 is free in %1: at a busy 100 Mbit/s that lasts %Ln minute(s). The recording stops when the disk is full.</source>
        <extracomment>Before a recording. %1 is the output folder, %2 its free space (e.g. &quot;300 MB&quot;). The rate assumed is that of a busy 100 Mbit/s link.</extracomment>
        <translation>
            <numerusform>Only %2 is free in %1: at a busy 100 Mbit/s that lasts %Ln minute. The recording stops when the disk is full.</numerusform>
            <numerusform>Only %2 is free in %1: at a busy 100 Mbit/s that lasts %Ln minutes. The recording stops when the disk is full.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %2 is free in %1: at the current rate the disk is full in %Ln minute(s), and the recording stops then.</source>
        <extracomment>While recording. %1 is the output folder, %2 its free space (e.g. &quot;300 MB&quot;).</extracomment>
        <translation>
            <numerusform>Only %2 is free in %1: at the current rate the disk is full in %Ln minute, and the recording stops then.</numerusform>
            <numerusform>Only %2 is free in %1: at the current rate the disk is full in %Ln minutes, and the recording stops then.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recorded %Ln packet(s) to a set of files; the newest is %1.</source>
        <extracomment>After a recording split into a set of files; %1 is the path of the newest</extracomment>
        <translation>
            <numerusform>Recorded %Ln packet to a set of files; the newest is %1.</numerusform>
            <numerusform>Recorded %Ln packets to a set of files; the newest is %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The recording is split into numbered files: %1, %2, … in %3.</source>
        <extracomment>%1 and %2 are the first two file names of a split recording (number and start time), %3 the folder</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no interfaces named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One of the interfaces %1 is gone.</source>
        <extracomment>%1 lists the interfaces (&quot;eth0 and eth1&quot;); the helper&apos;s sentence follows</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interfaces %1 all went down or were removed; the file keeps their packets until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A pcap file holds one interface: choose pcapng in Options to record %n interfaces into one file, or select only one.</source>
        <translation>
            <numerusform>A pcap file holds one interface: choose pcapng in Options to record %n interface into one file, or select only one.</numerusform>
            <numerusform>A pcap file holds one interface: choose pcapng in Options to record %n interfaces into one file, or select only one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Recording of %1 ended: the interface went down or was removed; the others go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go to Packet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the packet with a given number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet number (%1 to %2):</source>
        <extracomment>%1 and %2 are the first and last packet numbers in the list</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no packet %1 in the list: it holds packets %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 could not be read to its end. %2 The list shows the %Ln packet(s) before that point.</source>
        <extracomment>%1 is a file path, %2 what is wrong with it; %Ln the packets the list shows</extracomment>
        <translation>
            <numerusform>%1 could not be read to its end. %2 The list shows the %Ln packet before that point.</numerusform>
            <numerusform>%1 could not be read to its end. %2 The list shows the %Ln packets before that point.</numerusform>
        </translation>
    </message>
    <message>
        <source>File: %1, packet %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs</source>
        <extracomment>Tab title: traffic per program (which program sent each packet)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput and programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput</source>
        <extracomment>Tab title: the live chart of bits and packets per second</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;All Packets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every packet again, not one program&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Re&amp;mote Machine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the interfaces of another machine over ssh</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::MessageBar</name>
    <message>
        <source>Message bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::PacketDetailView</name>
    <message>
        <source>Bytes %1–%2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a packet to see its layers and bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on wire, %2 captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(first %1 shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrival Time: %1.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch Time: %1.%2 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: In (received by this host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: Out (sent by this host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction: Other (between other hosts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface index: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame Length: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture Length: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ethernet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux cooked capture v2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link type: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>Packet comments</source>
        <extracomment>Detail tree: the node holding a packet&apos;s pcapng comments, as in Wireshark</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::PacketListModel</name>
    <message>
        <source>In</source>
        <extracomment>Packet direction column: received by this host</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <extracomment>Packet direction column: sent by this host</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <extracomment>Packet direction column: between other hosts (promiscuous mode)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received by this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between other hosts, seen in promiscuous mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>Column header: packet number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir.</source>
        <extracomment>Column header: In/Out/Other</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds since the first packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time the packet was captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes on the wire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on the wire, %2 captured</source>
        <extracomment>Tooltip of a truncated packet&apos;s length; %1 and %2 are byte counts</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
    <message>
        <source>?</source>
        <extracomment>Packet direction column: the file does not record the direction</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded; the list reads it from the file in a moment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file does not record whether this packet was sent or received</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Packet number since the start of the recording. The files of the oldest %Ln packet(s) were deleted to keep the newest files only.</source>
        <translation>
            <numerusform>Packet number since the start of the recording. The file of the oldest %Ln packet was deleted to keep the newest files only.</numerusform>
            <numerusform>Packet number since the start of the recording. The files of the oldest %Ln packets were deleted to keep the newest files only.</numerusform>
        </translation>
    </message>
    <message>
        <source>Packet number in the file, as Wireshark numbers it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction relative to this host: In, Out, or Other (between other hosts); ? where the file does not record it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <extracomment>Column header: the program that sent or received the packet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program on this computer that sent or received the packet, from the recording or the file&apos;s packet comments; sender → receiver when both are here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A pcap file stores no programs: only the packets the recorder reported while the filter was on are shown. Record to pcapng to filter every packet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is pcap, which stores no programs: no packet can be shown for a program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface</source>
        <extracomment>Column header: the interface a packet was recorded on</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interface the packet was recorded on, as the file names it; machine:interface for another machine&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::PacketListView</name>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet list position</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::PacketPrograms</name>
    <message>
        <source>user %1</source>
        <extracomment>Program column: only the account owning the socket is known; %1 is its name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A program of user %1 (another user&apos;s, or one that has ended)</source>
        <extracomment>Program column tool tip; %1 is an account name such as root</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, process %2, user %3</source>
        <extracomment>Program column tool tip; %1 process name, %2 process id, %3 account name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>Program column when both ends are programs of this machine: sender → receiver</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: %1
To: %2</source>
        <extracomment>Program column tool tip when both ends are programs of this machine</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::ProgramListModel</name>
    <message>
        <source>PID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other user</source>
        <extracomment>Programs view: traffic of another user&apos;s programs, which this user may not look into (the User column names the account)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not attributed</source>
        <extracomment>Programs view: TCP/UDP traffic no socket owner was found for</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not TCP/UDP</source>
        <extracomment>Programs view: traffic that is neither TCP nor UDP (ARP, ICMP, ...), which belongs to no program&apos;s socket</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (PID %2, user %3)
%4</source>
        <extracomment>Programs view tool tip. %1 program name, %2 process id, %3 account, %4 the command line it was started with</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP and UDP packets whose socket was not found: a connection that closed before it could be looked up, or traffic passing through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets that are neither TCP nor UDP (ARP, ICMP, ...): no program&apos;s socket sends them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <extracomment>Programs view column: the program&apos;s name</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <extracomment>Programs view column: the account the program runs as</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes In</source>
        <extracomment>Programs view column: bytes received by the program</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes Out</source>
        <extracomment>Programs view column: bytes sent by the program</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <extracomment>Programs view column: current rate, in and out together, with a graph</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <extracomment>Programs view column: TCP connections and UDP flows so far</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs of user %1 (UID %2). Only that user can see which ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown program</source>
        <extracomment>Programs view: the user&apos;s own programs whose process could not be named (it ended first, or its /proc entry was not readable)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your programs whose process could not be named: it ended before it was looked up, or its /proc entry could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::ProgramsView</name>
    <message>
        <source>Programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programs appear here while recording, with “Show which program sent each packet” on in the Options.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::RateFormat</name>
    <message>
        <source>bit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packets/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kpackets/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mpackets/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::RecentFiles</name>
    <message>
        <source>No recent captures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear Menu</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::RemoteMachineListModel</name>
    <message>
        <source>Packet Recorder there: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ssh channel is compressed (ssh -C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the command line: not remembered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <extracomment>A remote machine whose ssh session has not answered yet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <extracomment>A remote machine that answered and can record</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreachable</source>
        <extracomment>A remote machine that ssh could not reach, or lost</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records there with %1</source>
        <extracomment>%1: &quot;Packet Recorder&quot;, &quot;Packet Recorder (sudo)&quot;, &quot;tcpdump&quot; or &quot;tcpdump (sudo)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loopback</source>
        <extracomment>The remote interface is the machine&apos;s loopback (lo)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine</source>
        <extracomment>Column of the remote machines&apos; list: a machine, and its interfaces under it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records with</source>
        <extracomment>Column: how a remote machine records (&quot;tcpdump (sudo)&quot;), or why it cannot</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps %1 bytes of each packet there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::RemoteMachinesView</name>
    <message>
        <source>Other machines (over SSH)</source>
        <extracomment>Heading of the picker&apos;s section of remote machines</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Remote Machine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the interfaces of another machine over ssh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record on servers, routers and lab machines through your own ssh: add one by user@host or by a Host alias of ~/.ssh/config.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machines recorded over ssh, with their interfaces and recent traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compress the Channel (ssh -C)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::RemoteRecordingOptionsGroup</name>
    <message>
        <source>Other machines (over SSH)</source>
        <extracomment>Options group: recording interfaces of remote machines over ssh</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out my own ss&amp;h session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave out my own ssh session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection that carries the recording is not recorded: without this, every packet sent to this desktop makes more packets to record. Other ssh sessions stay in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order several machines by &amp;corrected clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order several machines by corrected clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each machine&apos;s clock offset to this desktop is measured over ssh. On: packets of several machines are merged by their corrected times. The timestamps in the file stay as each machine recorded them; the offsets are written beside them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::ThroughputChart</name>
    <message>
        <source>&amp;Show the last:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart time window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput in bits per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet rate in packets per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel drops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed time (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s: %2 incoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s: %2 outgoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln second(s)</source>
        <extracomment>Chart time window</extracomment>
        <translation>
            <numerusform>%Ln second</numerusform>
            <numerusform>%Ln seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln minute(s)</source>
        <extracomment>Chart time window</extracomment>
        <translation>
            <numerusform>%Ln minute</numerusform>
            <numerusform>%Ln minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>The whole capture</source>
        <extracomment>Above the throughput chart of an opened file, instead of the time window</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (direction not recorded)</source>
        <extracomment>Legend of the throughput chart of a file that does not record whether a packet was incoming or outgoing (a pcap file of Ethernet frames)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s: %2 in total, direction not recorded</source>
        <extracomment>%1 a time, %2 a rate; the file does not say which packets were incoming</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed time (h)</source>
        <extracomment>Time axis of the throughput chart of a long file, in hours</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed time (min)</source>
        <extracomment>Time axis of the throughput chart of a file, in minutes</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteMachine</name>
    <message>
        <source>not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet Recorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet Recorder (sudo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tcpdump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tcpdump (sudo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet Recorder (polkit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has Packet Recorder (%2) but this user may not capture with it: add the user to the group &quot;packet-recorder&quot; there (the package&apos;s group mode), or allow it with sudo without a password (a sudoers rule for %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has tcpdump (%2) but this user may not capture with it: install Packet Recorder there and add the user to the group &quot;packet-recorder&quot;, or allow tcpdump with sudo without a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has neither Packet Recorder nor tcpdump: install the package packet-recorder (or tcpdump) there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (it said: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot run ssh (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteRecording</name>
    <message>
        <source>clock offset unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clock %1 ms to this desktop (round trip %2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recording of other machines is one file: split it afterwards (editcap -c), or record each machine on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file &quot;%1&quot; exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2, recorded with %3; %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own ssh sessions are left out of the recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; its packets until then are in the file, the other machines go on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; its packets until then are in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;: %2; the file ends at the last whole packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteStream</name>
    <message>
        <source>%1: no memory file for the stream: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot run %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot keep the stream in memory: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: what arrived is not a capture stream (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: recording here was not permitted (the password prompt was refused or closed, or no polkit agent could ask)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot record: neither Packet Recorder nor tcpdump may capture there for this user (install the package there and add the user to the group &quot;packet-recorder&quot;, or allow it with sudo without a password)%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (it said: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the ssh program that carried the stream was ended (killed) on this desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the recording there stopped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the recording program there ended without finishing its stream (ssh status %2): it was killed, or the machine went down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pr::remote::RemoteTarget</name>
    <message>
        <source>&quot;%1&quot; is not a user name for ssh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: an IPv6 address in brackets needs its &quot;]&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: after &quot;]&quot; only &quot;:PORT&quot; may follow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no machine: give user@host, host or a Host alias of ~/.ssh/config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name, an address or a Host alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a port (1 to 65535)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a remote interface: write ssh://[user@]host/interface</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; names no interface: write ssh://%2/eth0 (or /any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an interface name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
