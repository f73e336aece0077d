package org.illbridge.codec.asn1;

/** Where in a value the codec is, as ASN.1 names: {@code ILL-Request.item-id.title}, {@code …[2]}. */
record Path(Path parent, String name) {

    static Path root(String name) {
        return new Path(null, name);
    }

    Path child(String component) {
        return new Path(this, component);
    }

    Path index(int i) {
        return new Path(this, "[" + i + "]");
    }

    @Override
    public String toString() {
        if (parent == null) {
            return name;
        }
        String prefix = parent.toString();
        return name.startsWith("[") ? prefix + name : prefix + "." + name;
    }
}
