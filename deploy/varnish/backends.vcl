# The Gazette instances behind this Varnish: the only file to edit. Each needs `.probe = gazette_ready;`
# and a line in vcl_init below; default.vcl includes this file.
vcl 4.1;

backend instance_a {
    .host = "127.0.0.1";
    .port = "3001";
    .probe = gazette_ready;
    .connect_timeout = 1s;
}

backend instance_b {
    .host = "127.0.0.1";
    .port = "3002";
    .probe = gazette_ready;
    .connect_timeout = 1s;
}

sub vcl_init {
    gazette.add_backend(instance_a);
    gazette.add_backend(instance_b);
}
