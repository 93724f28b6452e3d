// The fixed parts of the page WriteHtml writes (graph/html.h): head, style, body and the
// inline drawing code, which reads the graph from <script id="graph-data">. No part loads
// anything from the network.
#ifndef NEWSGRAPH_HTML_PAGE_H_
#define NEWSGRAPH_HTML_PAGE_H_

namespace newsgraph {

// From <!DOCTYPE html> to the <meta> elements of <head>; the <title> follows.
extern const char kHtmlPageHead[];
// The <style> element.
extern const char kHtmlPageStyle[];
// The page's elements: the canvas, the tooltip, the attribute panel, the legend.
extern const char kHtmlPageBody[];
// The drawing code, the content of the last <script> element.
extern const char kHtmlPageScript[];

}  // namespace newsgraph

#endif  // NEWSGRAPH_HTML_PAGE_H_
