package dev.storyflow.board;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The board as a page of its own at {@code /board}, for those who do not use Cockpit: the same
 * script as Cockpit's Storyflow plugin ({@code static/board/}), reading {@code /api} with the
 * webapp session or HTTP Basic. The page holds no data, so it is served to anyone.
 */
@Controller
class BoardPage {

  /** To the page's folder, so that its scripts are found beside it; the sprint asked for goes along. */
  @GetMapping("/board")
  String redirect(HttpServletRequest request) {
    String query = request.getQueryString();
    return "redirect:/board/" + (query == null ? "" : "?" + query);
  }

  @GetMapping("/board/")
  String page() {
    return "forward:/board/index.html";
  }
}
